import { HttpErrorResponse } from '@angular/common/http';
import { ApiError } from '@pointage/contracts';

/** The API's "somebody with this name and birth date is already registered" (409 possible-duplicate). */
export function isPossibleDuplicate(err: unknown): boolean {
  return err instanceof HttpErrorResponse && err.status === 409 && (err.error as Partial<ApiError> | null)?.code === 'possible-duplicate';
}
