import { describe, expect, it } from 'vitest';
import { TABS, TAB_KEYS, FORM_QUESTIONS, FORM } from '../../sheets-schema/index.js';
import { loadScript, sheetRecords, sheetValues } from './harness.js';

const ADMIN = 'admin@kantor.go.id';

describe('Setup (Admin → Siapkan)', () => {
  it('builds every tab, the Form and the triggers on an empty spreadsheet', async () => {
    const s = await loadScript({ activeUser: ADMIN, effectiveUser: ADMIN, owner: ADMIN });
    s.call('siapkan');
    const st = s.fakes.state;
    for (const key of TAB_KEYS) {
      const tab = TABS[key];
      const sheet = st.sheet(tab.name);
      expect(sheetValues(s, tab.name)[0]?.slice(0, tab.columns.length)).toEqual(tab.columns.map((c) => c.header));
      expect(sheet.frozenRows).toBe(1);
    }
    expect(st.alerts.at(-1)?.title).toBe('Spreadsheet siap');
    expect(st.forms).toHaveLength(1);
    const form = st.forms[0];
    expect(form?.title).toBe(FORM.title);
    const titles = form?.items.map((i) => i.title) ?? [];
    for (const q of FORM_QUESTIONS) expect(titles).toContain(q.title);
    expect(st.triggers.map((t) => t.handlerFunction).sort()).toEqual(['harian', 'onFormSubmit']);
    const peran = sheetRecords(s, 'Peran');
    expect(peran).toHaveLength(1);
    expect(peran[0]?.['E-mail']).toBe(ADMIN);
  });
});
