/**
 * The shipped templates in tests: their bytes, a copy with its body edited (to make broken or
 * hostile templates), and a document rendered from one of them for the fixture complaint (or
 * another record and context), as the renderer makes it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JenisDokumen } from '../../sheets-schema/index.js';
import { TEMPLATE_FILE, type NamaTemplate } from '../../core/dokumen/kontrak.js';
import { buildView, type DocumentContext } from '../../core/dokumen/view.js';
import type { RegisterRecord } from '../../core/record.js';
import { renderTemplate, TEMPLATE_DIR } from '../../functions/dokumen/render.js';
import { documentContext, signedRecord } from './dokumen-fixtures.js';
import { editDocx } from './docx.js';

/** The bytes of a shipped template (templates/). */
export function shippedTemplate(name: NamaTemplate): Uint8Array {
  return new Uint8Array(readFileSync(path.join(TEMPLATE_DIR, TEMPLATE_FILE[name])));
}

/** A shipped template with its body (word/document.xml) rewritten by `edit`, which must change it. */
export function shippedTemplateWith(name: NamaTemplate, edit: (xml: string) => string): Promise<Uint8Array> {
  return editDocx(shippedTemplate(name), 'word/document.xml', (xml) => {
    const edited = edit(xml);
    if (edited === xml) throw new Error(`test: the edit left ${TEMPLATE_FILE[name]} as it was`);
    return edited;
  });
}

/** A document of `jenis` rendered from its shipped template. */
export async function renderShipped(jenis: JenisDokumen, record: RegisterRecord = signedRecord(), context: DocumentContext = documentContext()): Promise<Uint8Array> {
  const built = buildView(jenis, record, context);
  return renderTemplate(built.template, shippedTemplate(built.template), built.view);
}
