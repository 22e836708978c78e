import { askSuperAdminCredentials, CliInputError, Prompter, QUESTIONS } from './super-admin-prompt';

/** Answers in order, and what was asked. */
function answers(...lines: string[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ask: async (question: string) => {
      asked.push(question);
      const line = lines.shift();
      if (line === undefined) throw new Error('Saisie interrompue.');
      return line;
    },
  };
}

describe('create-super-admin questions', () => {
  it('asks again on a terminal, saying why in French, until the password is acceptable and confirmed', async () => {
    const said: string[] = [];
    const input = answers(
      'pas-une-adresse',
      'sa@federation.fr',
      'motdepasse',
      'court',
      'une longue phrase de passe',
      'une autre phrase',
      'une longue phrase de passe',
      'une longue phrase de passe',
    );
    const creds = await askSuperAdminCredentials(input, true, (l) => said.push(l));
    expect(creds).toEqual({ email: 'sa@federation.fr', password: 'une longue phrase de passe' });
    expect(said).toEqual([
      "« pas-une-adresse » n'est pas une adresse e-mail valide. Recommencez.",
      'Mot de passe refusé : Ce mot de passe est trop courant : choisissez-en un autre (une phrase de plusieurs mots convient bien). Recommencez.',
      'Mot de passe refusé : Le mot de passe doit contenir au moins 10 caractères. Recommencez.',
      'Les deux mots de passe ne correspondent pas. Recommencez.',
    ]);
    expect(input.asked).toEqual([
      QUESTIONS.email,
      QUESTIONS.email,
      QUESTIONS.password,
      QUESTIONS.password,
      QUESTIONS.password,
      QUESTIONS.confirm,
      QUESTIONS.password,
      QUESTIONS.confirm,
    ]);
  });

  it('refuses the login as password', async () => {
    const said: string[] = [];
    await askSuperAdminCredentials(
      answers('federation@exemple.fr', 'federation@exemple.fr', 'une longue phrase de passe', 'une longue phrase de passe'),
      true,
      (l) => said.push(l),
    );
    expect(said).toEqual(['Mot de passe refusé : Le mot de passe ne doit pas être votre identifiant. Recommencez.']);
  });

  it('ends with the reason (exit code 2) when the answers are piped: nobody can answer again', async () => {
    const weak = askSuperAdminCredentials(answers('sa@federation.fr', 'motdepasse', 'motdepasse'), false, () => undefined);
    await expect(weak).rejects.toThrow(CliInputError);
    await expect(askSuperAdminCredentials(answers('sa@federation.fr', 'motdepasse'), false, () => undefined)).rejects.toThrow(
      'Mot de passe refusé : Ce mot de passe est trop courant',
    );
    const mismatch = askSuperAdminCredentials(
      answers('sa@federation.fr', 'une longue phrase de passe', 'une autre phrase'),
      false,
      () => undefined,
    );
    await expect(mismatch).rejects.toMatchObject({ exitCode: 2, message: 'Les deux mots de passe ne correspondent pas.' });
    await expect(askSuperAdminCredentials(answers('nope'), false, () => undefined)).rejects.toThrow(
      "« nope » n'est pas une adresse e-mail valide.",
    );
  });
});
