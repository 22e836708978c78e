import { BadRequestException, PipeTransform } from '@nestjs/common';
import { french } from './errors';

class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) {
      throw new BadRequestException(french("L'identifiant dans l'adresse doit être un nombre entier positif."));
    }
    return Number(value);
  }
}

/** Route ids: positive integers that fit the database's integer columns. */
export function idPipe(): PipeTransform<string, number> {
  return new IdPipe();
}
