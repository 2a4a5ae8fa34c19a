/**
 * @module The read-aloud control's behaviour (ReadAloud.astro): find a voice
 * for the page's language, read the main content in pieces (engines stop
 * long utterances), pause, resume and stop, and say what is happening.
 */
type Words = { pause: string; resume: string; reading: string; paused: string; done: string; noVoice: string; unsupported: string };

/** The text of `main` a listener wants: no forms, buttons, scripts or parts marked `data-no-read`. */
export function readableText(main: Element): string {
  const copy = main.cloneNode(true) as Element;
  for (const e of copy.querySelectorAll('form, button, script, style, template, [hidden], [aria-hidden="true"], [data-no-read], .visually-hidden')) e.remove();
  // Block boundaries become line breaks, so sentences do not run together.
  for (const e of copy.querySelectorAll('p, li, h1, h2, h3, h4, dt, dd, tr, div, section')) e.append('\n');
  return (copy.textContent ?? '').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Where a piece may end: after a full stop, exclamation or question mark, semicolon or comma (Chinese full-width, then Latin). */
const SENTENCE_ENDS = ['\u3002', '\uff01', '\uff1f', '\uff1b', '. ', '! ', '? ', '\uff0c', ', '];

/** Pieces of at most `max` characters, cut after a sentence where possible. */
export function pieces(text: string, max = 180): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line.trim();
    while (rest.length > max) {
      const cut = Math.max(...SENTENCE_ENDS.map((p) => rest.lastIndexOf(p, max)));
      const at = cut > 0 ? cut + 1 : max;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest) out.push(rest);
  }
  return out;
}

function voiceFor(lang: string): Promise<SpeechSynthesisVoice | null> {
  const find = () => speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith(lang.toLowerCase().slice(0, 2))) ?? null;
  const now = find();
  if (now || speechSynthesis.getVoices().length > 0) return Promise.resolve(now);
  // Some browsers load their voices a moment later.
  return new Promise((resolve) => {
    const done = () => resolve(find());
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1500);
  });
}

export function startReadAloud(box: HTMLElement): void {
  const words = JSON.parse(box.dataset.words ?? '{}') as Words;
  const lang = box.dataset.lang ?? document.documentElement.lang ?? 'zh-CN';
  const start = box.querySelector<HTMLButtonElement>('[data-read="start"]')!;
  const pause = box.querySelector<HTMLButtonElement>('[data-read="pause"]')!;
  const stop = box.querySelector<HTMLButtonElement>('[data-read="stop"]')!;
  const status = box.querySelector<HTMLElement>('[data-read-status]')!;
  box.hidden = false;
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') {
    start.disabled = true;
    status.textContent = words.unsupported;
    return;
  }
  const idle = (message: string) => {
    pause.hidden = true;
    stop.hidden = true;
    start.hidden = false;
    status.textContent = message;
  };
  start.addEventListener('click', async () => {
    const voice = await voiceFor(lang);
    if (!voice) {
      status.textContent = words.noVoice;
      return;
    }
    speechSynthesis.cancel();
    const main = document.querySelector('main');
    const parts = main ? pieces(readableText(main)) : [];
    parts.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = voice.lang;
      u.voice = voice;
      if (i === parts.length - 1) u.addEventListener('end', () => idle(words.done));
      speechSynthesis.speak(u);
    });
    start.hidden = true;
    pause.hidden = false;
    pause.textContent = words.pause;
    stop.hidden = false;
    status.textContent = words.reading;
  });
  pause.addEventListener('click', () => {
    if (speechSynthesis.paused) {
      speechSynthesis.resume();
      pause.textContent = words.pause;
      status.textContent = words.reading;
    } else {
      speechSynthesis.pause();
      pause.textContent = words.resume;
      status.textContent = words.paused;
    }
  });
  stop.addEventListener('click', () => {
    speechSynthesis.cancel();
    idle('');
    start.focus();
  });
}
