import { NotFoundException, PipeTransform } from '@nestjs/common';
import { REF_KINDS, RefKind } from '@pointage/contracts';
import { french } from '../common/errors';

export class RefKindPipe implements PipeTransform<string, RefKind> {
  transform(value: string): RefKind {
    if (!(REF_KINDS as readonly string[]).includes(value)) throw new NotFoundException(french('Liste inconnue.'));
    return value as RefKind;
  }
}
