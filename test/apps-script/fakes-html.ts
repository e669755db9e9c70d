/**
 * A fake of HtmlService (HtmlOutput, HtmlTemplate) for the Apps Script fakes (fakes.ts is the entry
 * point: createAppsScript()). Templates evaluate only printing scriptlets `<?= path ?>` (escaped
 * for HTML text) and force-printing scriptlets `<?!= path ?>`, where `path` is a property the
 * script set on the template (`name` or `a.b.c`); any other scriptlet is refused as not implemented.
 */
import { internals, PROBED_KEYS, type Kit } from './fakes-kit.js';

type GHtmlService = GoogleAppsScript.HTML.HtmlService;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export interface HtmlOptions {
  /** The project's HTML files by name without '.html', as createHtmlOutputFromFile('Dialog') reads Dialog.html. */
  htmlFiles?: Record<string, string>;
}

export interface HtmlOutputData {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  faviconUrl: string | null;
  sandboxMode: string | null;
  xFrameOptionsMode: string | null;
  metaTags: Array<{ name: string; content: string }>;
}

const META_TAG_NAMES = new Set(['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport']);
const PATH = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/;
const TEMPLATE_METHODS = new Set(['evaluate', 'getRawContent', 'getCode', 'getCodeWithComments']);

/** Escapes text for HTML, as a printing scriptlet does in text and attribute context. */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The HtmlOutput a fake stands for, or undefined. */
export const htmlOutputData = (v: unknown): HtmlOutputData | undefined => {
  const inner = typeof v === 'object' && v !== null ? internals.get(v) : undefined;
  return inner?.kind === 'HtmlOutput' ? (inner.data as HtmlOutputData) : undefined;
};

export function createHtmlService(kit: Kit, options: HtmlOptions): { global: GHtmlService } {
  const { fake, sig, gasError, fakeError, makeEnum, enumName } = kit;
  const files = options.htmlFiles ?? {};
  const enums = {
    SandboxMode: makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']),
    XFrameOptionsMode: makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']),
  };
  const file = (name: string): string => {
    const content = Object.hasOwn(files, name) ? files[name] : undefined;
    if (content === undefined) throw gasError(`No HTML file named ${name} was found.`);
    return content;
  };

  const makeOutput = (content: string): GHtmlOutput => {
    const d: HtmlOutputData = { content, title: '', width: null, height: null, faviconUrl: null, sandboxMode: null, xFrameOptionsMode: null, metaTags: [] };
    return fake<GHtmlOutput>(
      'HtmlOutput',
      (self) => {
        const q = (m: string): string => `HtmlService.HtmlOutput.${m}`;
        const setText = (m: string, apply: (v: string) => void) => (...a: unknown[]): GHtmlOutput => {
          sig(q(m), a, ['string']);
          apply(a[0] as string);
          return self;
        };
        const setSize = (m: string, apply: (v: number) => void) => (...a: unknown[]): GHtmlOutput => {
          sig(q(m), a, ['int']);
          if ((a[0] as number) < 1) throw fakeError(`HtmlOutput.${m}(${String(a[0])}): a size must be positive`);
          apply(a[0] as number);
          return self;
        };
        return {
          getContent: () => d.content,
          setContent: setText('setContent', (v) => (d.content = v)),
          append: setText('append', (v) => (d.content += v)),
          appendUntrusted: setText('appendUntrusted', (v) => (d.content += escapeHtml(v))),
          clear: () => {
            d.content = '';
            return self;
          },
          getTitle: () => d.title,
          setTitle: setText('setTitle', (v) => (d.title = v)),
          getWidth: () => {
            if (d.width === null) throw fakeError('HtmlOutput.getWidth before setWidth: the fakes do not know the default width');
            return d.width;
          },
          setWidth: setSize('setWidth', (v) => (d.width = v)),
          getHeight: () => {
            if (d.height === null) throw fakeError('HtmlOutput.getHeight before setHeight: the fakes do not know the default height');
            return d.height;
          },
          setHeight: setSize('setHeight', (v) => (d.height = v)),
          setSandboxMode: (...a: unknown[]) => {
            sig(q('setSandboxMode'), a, ['SandboxMode']);
            d.sandboxMode = enumName(a[0]);
            return self;
          },
          setXFrameOptionsMode: (...a: unknown[]) => {
            sig(q('setXFrameOptionsMode'), a, ['XFrameOptionsMode']);
            d.xFrameOptionsMode = enumName(a[0]);
            return self;
          },
          addMetaTag: (...a: unknown[]) => {
            sig(q('addMetaTag'), a, ['string', 'string']);
            const name = a[0] as string;
            if (!META_TAG_NAMES.has(name)) throw fakeError(`HtmlOutput.addMetaTag: Apps Script allows only the meta tags ${[...META_TAG_NAMES].join(', ')}, not '${name}'`);
            d.metaTags.push({ name, content: a[1] as string });
            return self;
          },
          getFaviconUrl: () => d.faviconUrl ?? '',
          setFaviconUrl: setText('setFaviconUrl', (v) => (d.faviconUrl = v)),
        } satisfies Partial<GHtmlOutput>;
      },
      { internal: { kind: 'HtmlOutput', data: d } },
    );
  };

  const evaluate = (raw: string, data: Record<string, unknown>): string => {
    let out = '';
    let last = 0;
    const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
    for (let m = scriptlet.exec(raw); m; m = scriptlet.exec(raw)) {
      out += raw.slice(last, m.index);
      last = m.index + m[0].length;
      const [whole, mode, body = ''] = m;
      if (mode === undefined) throw fakeError(`HtmlTemplate.evaluate: the scriptlet ${whole} is not implemented (only <?= name ?> and <?!= name ?> are)`);
      const path = PATH.exec(body)?.[1];
      if (!path) throw fakeError(`HtmlTemplate.evaluate: the expression in ${whole} is not implemented (only a template property, name or a.b.c, is)`);
      let value: unknown = data;
      for (const part of path.split('.')) {
        value = typeof value === 'object' && value !== null && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
      }
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw fakeError(`HtmlTemplate.evaluate: ${whole} printed ${kit.typeName(value)}; the fakes print strings, numbers and booleans (was the property set?)`);
      }
      if (mode === '!=') {
        out += String(value);
        continue;
      }
      const before = raw.slice(0, m.index).toLowerCase();
      const inCode = (tag: string): boolean => before.lastIndexOf(`<${tag}`) > before.lastIndexOf(`</${tag}`);
      if (inCode('script') || inCode('style')) throw fakeError(`HtmlTemplate.evaluate: a printing scriptlet ${whole} inside <script> or <style> is not implemented (Apps Script escapes it for JavaScript/CSS)`);
      out += escapeHtml(String(value));
    }
    const rest = raw.slice(last);
    if (rest.includes('<?')) throw fakeError('HtmlTemplate.evaluate: a scriptlet is not closed with ?>');
    return out + rest;
  };

  const makeTemplate = (raw: string): GHtmlTemplate => {
    const data: Record<string, unknown> = {};
    const methods = fake<GHtmlTemplate>('HtmlTemplate', () => ({
      evaluate: () => makeOutput(evaluate(raw, data)),
      getRawContent: () => raw,
    }) satisfies Partial<GHtmlTemplate>);
    // A template is also a plain object the script sets its own properties on.
    const template = new Proxy(data, {
      get(t, key) {
        if (typeof key === 'symbol' || TEMPLATE_METHODS.has(key)) return Reflect.get(methods, key) as unknown;
        if (Object.hasOwn(t, key)) return t[key];
        if (PROBED_KEYS.has(key)) return undefined;
        return undefined;
      },
      set(t, key, value) {
        if (typeof key === 'symbol' || TEMPLATE_METHODS.has(key)) throw fakeError(`HtmlTemplate.${String(key)} cannot be assigned`);
        t[key] = value;
        return true;
      },
      has(t, key) {
        return (typeof key === 'string' && TEMPLATE_METHODS.has(key)) || Reflect.has(t, key);
      },
    });
    internals.set(template, { kind: 'HtmlTemplate' });
    return template as unknown as GHtmlTemplate;
  };

  const global = fake<GHtmlService>('HtmlService', () => ({
    SandboxMode: enums.SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode,
    XFrameOptionsMode: enums.XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode,
    createHtmlOutput: (...a: unknown[]) => {
      const overload = sig('HtmlService.createHtmlOutput', a, [], ['string']);
      return makeOutput(overload === 0 ? '' : (a[0] as string));
    },
    createHtmlOutputFromFile: (...a: unknown[]) => {
      sig('HtmlService.createHtmlOutputFromFile', a, ['string']);
      return makeOutput(file(a[0] as string));
    },
    createTemplate: (...a: unknown[]) => {
      sig('HtmlService.createTemplate', a, ['string']);
      return makeTemplate(a[0] as string);
    },
    createTemplateFromFile: (...a: unknown[]) => {
      sig('HtmlService.createTemplateFromFile', a, ['string']);
      return makeTemplate(file(a[0] as string));
    },
  }) satisfies Partial<GHtmlService>);

  return { global };
}
