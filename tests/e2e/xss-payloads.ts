/**
 * Stored-XSS payloads: what people have typed into forms to run script in
 * other people's browsers. Each one, if it ran, would set `window.__xss` or
 * open a dialog (alert/confirm/prompt) — the two things tests/e2e/xss.spec.ts
 * watches for. They cover element and attribute injection, breaking out of
 * attributes, textareas, titles, styles, scripts and comments, URL schemes
 * (javascript:, data:, entity- and whitespace-obfuscated), event handlers on
 * many elements, mutation-XSS shapes, encoded and pre-escaped forms, template
 * syntaxes, and bidi/NUL tricks.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload=window.__xss=3>',
  '<svg><script>window.__xss=4</script></svg>',
  '"><script>window.__xss=5</script>',
  "'><img src=x onerror=window.__xss=6>",
  '</textarea><script>window.__xss=7</script>',
  '</title><script>window.__xss=8</script>',
  '</style><script>window.__xss=9</script>',
  '<iframe srcdoc="<script>parent.__xss=10</script>">',
  '<iframe src="javascript:parent.__xss=11">',
  '<a href="javascript:window.__xss=12">点我</a>',
  'javascript:window.__xss=13',
  '<body onload=window.__xss=14>',
  '<details open ontoggle=window.__xss=15>',
  '<input autofocus onfocus=window.__xss=16>',
  '<video><source onerror=window.__xss=17></video>',
  '<audio src=x onerror=window.__xss=18>',
  '<marquee onstart=window.__xss=19>x</marquee>',
  '<object data="javascript:window.__xss=20">',
  '<embed src="javascript:window.__xss=21">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=22>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=23>">',
  '<form><button formaction=javascript:window.__xss=24>提交</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=25">',
  '<base href="javascript:window.__xss=26//">',
  '{{constructor.constructor("window.__xss=27")()}}',
  '${window.__xss=28}',
  '&lt;script&gt;window.__xss=29&lt;/script&gt;',
  '%3Cscript%3Ewindow.__xss%3D30%3C%2Fscript%3E',
  '<scr<script>ipt>window.__xss=31</scr</script>ipt>',
  '<SCRIPT SRC=data:text/javascript,window.__xss=32></SCRIPT>',
  // A NUL inside the tag: what is read back stops at it (see fixtures/xss.ts), leaving an unclosed live-looking tag.
  '<img src=x onerror=window.__xss=33 \u0000>',
  '<img\tsrc=x\nonerror=window.__xss=34>',
  '<div style="background:url(javascript:window.__xss=35)">样式</div>',
  '<a href="&#106;avascript:window.__xss=36">实体</a>',
  '<a href="jav&#x09;ascript:window.__xss=37">制表</a>',
  '\\u003cscript\\u003ewindow.__xss=38\\u003c/script\\u003e',
  '</script><script>window.__xss=39</script>',
  '--><script>window.__xss=40</script><!--',
  '<![CDATA[<script>window.__xss=41</script>]]>',
  '<x onclick=window.__xss=42 style=display:block;width:100%;height:100%>点</x>',
  '<img src=x onerror=alert(43)>',
  '<svg/onload=alert(document.domain)>',
  '"onmouseover="window.__xss=45',
  "' autofocus onfocus='window.__xss=46",
  'https://example.com/"><script>window.__xss=47</script>',
  'http://x.cn/?a=<img src=x onerror=window.__xss=48>',
  'https://evil.example/javascript:window.__xss=49',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9NTA8L3NjcmlwdD4=',
  "<style>@import 'javascript:window.__xss=51';</style>",
  '\u202e<script>window.__xss=52</script>',
  '<template><script>window.__xss=53</script></template>',
  '<select autofocus onfocus=window.__xss=54>',
  '<img src=x:alert(55) onerror=eval(src)>',
  '<a href="data:text/html,<script>parent.__xss=56</script>">数据</a>',
  '<svg><a xlink:href="javascript:window.__xss=57"><text x="20" y="20">链接</text></a></svg>',
  '<img srcset="x" onerror=confirm(58)>',
  '<textarea autofocus onfocus=prompt(59)>',
  '"/><svg onload=window.__xss=60>',
];

/**
 * Every free-text field the fixture (tests/e2e/fixtures/xss.ts) fills with
 * payloads. One value of each field also carries its tag, `⟦field⟧`, after
 * the payload, so the journey can tell that this very field was shown (as
 * text) on a page it checked: payloads alone are shared between fields.
 */
export const XSS_FIELDS = [
  'project.title',
  'project.description',
  'project.address',
  'project.beneficiaries',
  'project.screenOutReason',
  'ballot.title',
  'attachment.name',
  'comment.body',
  'comment.hiddenReason',
  'opinion.body',
  'meeting.title',
  'meeting.place',
  'meeting.presentationNote',
  'meeting.discussionSummary',
  'meeting.minutes',
  'meeting.addendum',
  'objection.reason',
  'objection.answer',
  'agreement.implementerName',
  'agreement.registrationNo',
  'progress.body',
  'payment.note',
  'acceptance.inspector',
  'acceptance.notes',
  'rating.comment',
  'finding.project',
  'finding.cycle',
  'register.name',
  'register.address',
  'account.staffName',
  'account.councilName',
  'account.formerCouncilName',
  'draft.title',
  'draft.description',
  'draft.address',
  'draft.beneficiaries',
  'draft.attachmentName',
] as const;
export type XssField = (typeof XSS_FIELDS)[number];

export const fieldTag = (field: XssField): string => `⟦${field}⟧`;

/** `payload`, cut so that it and `field`'s tag fit in `max` characters (whole code points), then the tag. */
export function tagged(field: XssField, payload: string, max = Infinity): string {
  const tag = fieldTag(field);
  return Array.from(payload).slice(0, Math.max(0, max - Array.from(tag).length)).join('') + tag;
}
