import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Subject, throwError } from 'rxjs';
import { UNEXPECTED_ERROR_MESSAGE } from './api-error';
import { SUCCESS_DURATION_MS, Submitter, submitter } from './submitter';

describe('Submitter', () => {
  let open: jest.Mock;
  let submit: Submitter;

  beforeEach(() => {
    open = jest.fn();
    TestBed.configureTestingModule({ providers: [{ provide: MatSnackBar, useValue: { open } }] });
    submit = TestBed.runInInjectionContext(() => submitter());
  });

  it('is busy while the request is on its way, ignores a second click, then says it worked', () => {
    const answer = new Subject<{ id: number }>();
    const done = jest.fn();
    expect(submit.run(answer, { done, success: (r) => `Enregistré (${r.id})` })).toBe(true);
    expect(submit.busy()).toBe(true);
    expect(submit.run(answer, { done })).toBe(false);

    answer.next({ id: 4 });
    answer.complete();
    expect(submit.busy()).toBe(false);
    expect(done).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledWith({ id: 4 });
    expect(open).toHaveBeenCalledWith('Enregistré (4)', 'Fermer', { duration: SUCCESS_DURATION_MS });
    expect(submit.error()).toBe('');
  });

  it("shows the API's French message and frees the button when it fails", () => {
    const always = jest.fn();
    const failure = new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'Cet élément existe déjà.' } });
    submit.run(
      throwError(() => failure),
      { success: 'jamais', always },
    );
    expect(submit.busy()).toBe(false);
    expect(submit.error()).toBe('Cet élément existe déjà.');
    expect(open).not.toHaveBeenCalled();
    expect(always).toHaveBeenCalledTimes(1);

    // The next attempt starts without the old message.
    const again = new Subject<void>();
    submit.run(again);
    expect(submit.error()).toBe('');
  });

  it('leaves a failure its caller answers (a question to ask) unsaid', () => {
    const handle = jest.fn(() => true);
    submit.run(
      throwError(() => new Error('x')),
      { handle },
    );
    expect(handle).toHaveBeenCalled();
    expect(submit.error()).toBe('');

    submit.run(
      throwError(() => new Error('y')),
      { handle: () => false },
    );
    expect(submit.error()).toBe(UNEXPECTED_ERROR_MESSAGE);
  });

  it('frees the button of a request that completes without an answer, and takes messages of the form', () => {
    const empty = new Subject<void>();
    submit.run(empty);
    empty.complete();
    expect(submit.busy()).toBe(false);
    submit.fail('Choisissez au moins un jour.');
    expect(submit.error()).toBe('Choisissez au moins un jour.');
    submit.clear();
    expect(submit.error()).toBe('');
  });
});
