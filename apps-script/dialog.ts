/**
 * Opens the one dialog (Dialog.html) with a model: an SOP action or "Catat pengaduan". The model
 * travels as JSON inside a `<script type="application/json">` element, with `<`, `>` and `&`
 * escaped, so no text from the register can close the element or start markup.
 */
import { isPengaduanError } from '../core/errors.js';
import type { DialogModel } from './aksi.js';
import { messageOf } from './env.js';

export function modelJson(model: DialogModel): string {
  return JSON.stringify(model).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function tampilkanDialog(model: DialogModel): void {
  const template = HtmlService.createTemplateFromFile('Dialog');
  template.model = modelJson(model);
  const html = template.evaluate().setWidth(720).setHeight(640).setTitle(model.judul);
  SpreadsheetApp.getUi().showModalDialog(html, model.judul);
}

/** Runs a menu item: a refusal is shown as an alert, never as a stack trace. */
export function dariMenu(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    const ui = SpreadsheetApp.getUi();
    if (isPengaduanError(e)) ui.alert('Pengaduan', e.message, ui.ButtonSet.OK);
    else {
      console.error(messageOf(e));
      ui.alert('Pengaduan', `Terjadi kesalahan sistem: ${messageOf(e).slice(0, 300)}. Hubungi admin.`, ui.ButtonSet.OK);
    }
  }
}
