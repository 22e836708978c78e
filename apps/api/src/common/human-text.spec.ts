import { IsOptional, IsString } from 'class-validator';
import { frenchValidationPipe, IsHumanText, Label, textProblem } from './validation';

class NameDto {
  @Label('nom')
  @IsString()
  @IsHumanText()
  name!: string;

  @Label('message')
  @IsOptional()
  @IsString()
  @IsHumanText({ multiline: true })
  message?: string;
}

describe('textProblem: what people type, and what they do not', () => {
  it('accepts ordinary names and labels of any script', () => {
    for (const v of ["N'DIAYE-LEFÈVRE", 'Zoë', 'بن علي', 'כהן', 'ÆLFRED Ødegård', 'Emoji 😀', 'a\u200Db', 'mot\u00A0composé', '']) {
      expect({ v, problem: textProblem(v) }).toEqual({ v, problem: null });
    }
  });

  it('refuses every C0 control, DEL and C1 controls in one-line text', () => {
    for (let c = 0; c < 0x20; c++) expect({ c, problem: textProblem(`a${String.fromCharCode(c)}b`) }).toEqual({ c, problem: 'hidden' });
    expect(textProblem('a\u007Fb')).toBe('hidden');
    expect(textProblem('a\u0085b')).toBe('hidden');
  });

  it('allows line feeds and tabs, and only them, in multi-line text', () => {
    expect(textProblem('ligne 1\nligne 2\tsuite', { multiline: true })).toBeNull();
    expect(textProblem('ligne 1\nligne 2', {})).toBe('hidden');
    for (const c of ['\u0000', '\u0008', '\u000B', '\u000C', '\r', '\u001B'])
      expect(textProblem(`a${c}b`, { multiline: true })).toBe('hidden');
  });

  it('refuses bidirectional embeddings, overrides and isolates', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`abc${c}evil`)).toBe('hidden');
      expect(textProblem(`abc${c}evil`, { multiline: true })).toBe('hidden');
    }
  });

  it('refuses values made only of spaces and zero-width characters', () => {
    for (const v of ['\u200B', '\u200B\u200B', '\u200C\u200D', '\u2060', '\uFEFF', ' \u200B ', '\u00A0', '   '])
      expect(textProblem(v)).toBe('invisible');
    expect(textProblem('\n\t\u200B', { multiline: true })).toBe('invisible');
    expect(textProblem('x\u200B')).toBeNull();
  });

  it('leaves non-strings to the other validators', () => {
    expect(textProblem(42)).toBeNull();
    expect(textProblem(null)).toBeNull();
  });
});

describe('@IsHumanText through the French validation pipe', () => {
  const pipe = frenchValidationPipe();
  const validate = (body: object) => pipe.transform(body, { type: 'body', metatype: NameDto });
  const messageOf = async (body: object) => {
    try {
      await validate(body);
      return null;
    } catch (e) {
      return (e as { getResponse(): { message: string } }).getResponse().message;
    }
  };

  it('names the field in French', async () => {
    expect(await messageOf({ name: 'abc\u202Eevil' })).toBe(
      "Le champ « nom » contient des caractères de contrôle ou d'inversion du sens d'écriture, qui ne sont pas permis.",
    );
    expect(await messageOf({ name: '\u0000' })).toBe(
      "Le champ « nom » contient des caractères de contrôle ou d'inversion du sens d'écriture, qui ne sont pas permis.",
    );
    expect(await messageOf({ name: '\u200B\u200B' })).toBe(
      "Le champ « nom » ne peut pas être fait que d'espaces ou de caractères invisibles.",
    );
    expect(await messageOf({ name: 'Dupont', message: 'Bonjour\r\n' })).toBe(
      "Le champ « message » contient des caractères de contrôle ou d'inversion du sens d'écriture, qui ne sont pas permis.",
    );
  });

  it('lets clean values through', async () => {
    await expect(validate({ name: 'Dupont', message: 'Bonjour\n\tà tous' })).resolves.toMatchObject({ name: 'Dupont' });
  });
});
