import { EMAIL_PATTERN, normaliseLogin } from '@pointage/contracts';
import { passwordProblem } from '../auth/passwords';

/** The questions of a CLI command (a terminal, or piped answers). */
export interface Prompter {
  ask(question: string, hidden?: boolean): Promise<string>;
}

/** A refused answer when nobody can answer again (piped input): the CLI exits with code 2 and this French reason. */
export class CliInputError extends Error {
  readonly exitCode = 2;
}

export const QUESTIONS = {
  email: 'Adresse e-mail du super-administrateur : ',
  password: 'Mot de passe (10 caractères au moins) : ',
  confirm: 'Confirmez le mot de passe : ',
} as const;

/**
 * The e-mail and password of `create-super-admin`. On a terminal (`interactive`),
 * a refused answer is explained in French and asked again; with piped input
 * nobody can answer again, so it ends with a CliInputError carrying the reason.
 */
export async function askSuperAdminCredentials(
  input: Prompter,
  interactive: boolean,
  say: (line: string) => void,
): Promise<{ email: string; password: string }> {
  const refuse = (reason: string) => {
    if (!interactive) throw new CliInputError(reason);
    say(`${reason} Recommencez.`);
  };
  let email = '';
  for (;;) {
    email = (await input.ask(QUESTIONS.email)).trim();
    if (EMAIL_PATTERN.test(normaliseLogin(email))) break;
    refuse(`« ${email} » n'est pas une adresse e-mail valide.`);
  }
  for (;;) {
    const password = await input.ask(QUESTIONS.password, true);
    const problem = passwordProblem(password, normaliseLogin(email));
    if (problem) {
      refuse(`Mot de passe refusé : ${problem}`);
      continue;
    }
    const confirm = await input.ask(QUESTIONS.confirm, true);
    if (confirm === password) return { email, password };
    refuse('Les deux mots de passe ne correspondent pas.');
  }
}
