import { blankIntelligenceForm, intelligenceBody, sizeLabel, type IntelligenceForm } from './intelligence-form';

function filled(over: Partial<IntelligenceForm> = {}): IntelligenceForm {
  return {
    ...blankIntelligenceForm(),
    organisation: ' Japan Customs ', sourceCountry: 'jp', text: 'pistol parts declared as tools',
    subjects: [{ kind: 'IDENTIFIER', name: '', idType: 'importerId', value: 'QLRUBN9' }, { kind: 'COMPANY', name: 'Acme', idType: 'importerId', value: '' }],
    goods: [{ hsCode: '9305', description: 'pistol parts' }, { hsCode: '', description: '' }],
    routes: [{ originCountry: 'cn', departureCountry: '' }],
    ...over,
  };
}

describe('intelligenceBody', () => {
  it('builds the POST /api/intelligence body, leaving out blank rows and fields', () => {
    expect(intelligenceBody(filled())).toEqual({
      problems: [],
      body: {
        source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS', country: 'JP' }, riskArea: 'SMUGGLING', smugglingSubtype: 'WEAPONS',
        subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: 'QLRUBN9' }, { kind: 'COMPANY', name: 'Acme' }],
        goods: [{ hsCode: '9305', description: 'pistol parts' }], routes: [{ originCountry: 'CN' }], text: 'pistol parts declared as tools',
      },
    });
  });

  it('sends no subtype outside smuggling, and the offices when given', () => {
    const { body } = intelligenceBody(filled({ riskArea: 'UNDERVALUATION', portOfficeId: '20', goods: [], routes: [] }));
    expect(body).not.toHaveProperty('smugglingSubtype');
    expect(body).toMatchObject({ portOfficeId: '20' });
    expect(body).not.toHaveProperty('goods');
  });

  it('names every problem as an i18n key', () => {
    const { body, problems } = intelligenceBody({
      ...blankIntelligenceForm(), smugglingSubtype: '', goods: [{ hsCode: '9x', description: '' }], routes: [{ originCountry: 'CHN', departureCountry: '' }], portOfficeId: 'x',
    });
    expect(body).toBeNull();
    expect(problems).toEqual(['intel.error.organisation', 'intel.error.sourceCountry', 'intel.error.text', 'intel.error.subtype', 'intel.error.subjects', 'intel.error.hsCode', 'intel.error.country', 'intel.error.office']);
    expect(intelligenceBody(filled({ subjects: [{ kind: 'IDENTIFIER', name: '', idType: 'importerId', value: 'a b' }] })).problems).toEqual(['intel.error.identifier']);
    // The country is asked of a foreign customs administration only, and checked whenever given.
    expect(intelligenceBody(filled({ sourceType: 'DOMESTIC_AGENCY', sourceCountry: '' })).problems).toEqual([]);
    expect(intelligenceBody(filled({ sourceType: 'DOMESTIC_AGENCY', sourceCountry: 'KOR' })).problems).toEqual(['intel.error.country']);
  });
});

describe('sizeLabel', () => {
  it('shows bytes, KiB and MiB', () => {
    expect(sizeLabel(512)).toBe('512 B');
    expect(sizeLabel(12_595)).toBe('12.3 KiB');
    expect(sizeLabel(4.5 * 1024 * 1024)).toBe('4.5 MiB');
  });
});
