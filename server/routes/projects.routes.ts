/** @module Projects: list with filters, one project with its history, state-machine steps. */
import { createRoute, z } from '@hono/zod-openapi';
import { typedInteger } from '../services/text-fields.ts';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../http/router.ts';
import { perform, refused } from '../http/use-case-route.ts';
import { getProject, listProjects, PROJECT_SORTS } from '../services/catalog.ts';
import { PROJECT_STATES } from '../domain/project-states.ts';
import { EventInput, noSuchProject as noSuchProjectRefusal, projectStepCase } from '../cases/projects.ts';

const Code = z.object({ code: z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-TXSQ-2026-07' }) });

const ProjectSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    category: z.string(),
    theme: z.string(),
    description: z.string(),
    address: z.string(),
    proposerType: z.string(),
    estimatedCostFen: z.number().int(),
    agreedAmountFen: z.number().int().nullable(),
    state: z.string(),
    stateReason: z.string().nullable(),
    residentVotes: z.number().int().nullable(),
    communitySlug: z.string(),
    isDemo: z.boolean(),
  })
  .openapi('Project');

const ListQuery = z.strictObject({
  community: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  state: z.enum(PROJECT_STATES).optional(),
  category: z.string().max(40).optional(),
  theme: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(PROJECT_SORTS).optional(),
  limit: typedInteger(1, 200).optional(),
  offset: typedInteger(0, 1_000_000).optional().openapi({ description: 'Skip this many projects (a whole number; `null` is refused)' }),
});

const noSuchProject = (c: Parameters<typeof refused>[0]) => refused(c, noSuchProjectRefusal({ locale: c.get('locale') }));

const ProjectWithHistory = z.object({
  project: ProjectSchema,
  history: z.array(z.object({ seq: z.number().nullable().openapi({ description: 'Its place in the audit chain; null while a resident vote is open and the entry lies after the published chain (see GET /api/audit)' }), at: z.string(), actorRole: z.string(), actorName: z.string(), action: z.string(), before: z.string().nullable(), after: z.string().nullable(), reason: z.string().nullable() })),
});

export const projectRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects',
      tags: ['projects'],
      summary: 'Projects (never drafts), filtered and sorted',
      request: { query: ListQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(ProjectSchema), total: z.number() }), 'Projects'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await listProjects(c.get('ctx').database, {
        communitySlug: q.community,
        states: q.state ? [q.state] : undefined,
        category: q.category,
        theme: q.theme,
        q: q.q,
        sort: q.sort,
        limit: q.limit,
        offset: q.offset,
      });
      return c.json({ items: r.items.map(pick), total: r.total }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{code}',
      tags: ['projects'],
      summary: 'One project with its full public history',
      request: { params: Code },
      responses: {
        200: jsonContent(ProjectWithHistory, 'Project'),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const r = await getProject(ctx.database, c.req.valid('param').code, ctx.now());
      if (!r) return noSuchProject(c);
      return c.json({ project: pick({ ...r.project, communitySlug: r.community.slug }), history: r.history.map(({ hash: _h, ...h }) => h) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/events',
      tags: ['projects'],
      summary: 'Take a bare step of the project state machine (submit, withdraw, screen in/out, send to deliberation); other steps follow from council votes, notices and delivery records (409 decided_elsewhere)',
      request: { params: Code, body: jsonBody(EventInput) },
      responses: {
        200: jsonContent(z.object({ from: z.string(), to: z.string() }), 'Moved'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => perform(c, projectStepCase, c.req.valid('json'), c.req.valid('param'), (v) => c.json({ from: v.from, to: v.to }, 200)),
  );

function pick(p: {
  code: string; title: string; category: string; theme: string; description: string; address: string; proposerType: string;
  estimatedCostFen: number; agreedAmountFen: number | null; state: string; stateReason: string | null; residentVotes: number | null; communitySlug: string; isDemo: boolean;
}) {
  return {
    code: p.code, title: p.title, category: p.category, theme: p.theme, description: p.description, address: p.address,
    proposerType: p.proposerType, estimatedCostFen: p.estimatedCostFen, agreedAmountFen: p.agreedAmountFen, state: p.state,
    stateReason: p.stateReason, residentVotes: p.residentVotes, communitySlug: p.communitySlug, isDemo: p.isDemo,
  };
}
