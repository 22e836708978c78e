import { HttpErrorResponse } from '@angular/common/http';
import { isStatsChangeQuestion } from './stats-change-dialog';

describe('isStatsChangeQuestion', () => {
  const answer = (status: number, error: unknown) => new HttpErrorResponse({ status, error });

  it("recognises the API's question by its code", () => {
    expect(isStatsChangeQuestion(answer(400, { statusCode: 400, message: 'peu importe le texte', code: 'stats-change-needed' }))).toBe(
      true,
    );
  });

  it('does not guess from the wording: the same French message without the code is another 400', () => {
    const message =
      "Précisez s'il s'agit d'une correction (les présences passées sont corrigées) ou d'un changement à partir d'aujourd'hui.";
    expect(isStatsChangeQuestion(answer(400, { statusCode: 400, message }))).toBe(false);
  });

  it('only for a 400', () => {
    expect(isStatsChangeQuestion(answer(409, { statusCode: 409, message: 'x', code: 'stats-change-needed' }))).toBe(false);
    expect(isStatsChangeQuestion(new Error('stats-change-needed'))).toBe(false);
  });
});
