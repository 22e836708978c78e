import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PartialType, PickType } from './mapped-types';
import { frenchValidationPipe, Label } from './validation';

class Limits {
  @Label('nom')
  @IsString()
  @MinLength(3)
  @MaxLength(50)
  name!: string;

  @Label('jours')
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days?: number[];

  @Label('taux')
  @IsOptional()
  @Min(0.5)
  @Max(1_000_000)
  rate?: number;
}

/** Numbers that mention others: "trop long (12 caractères)" must not take the 2 of "entrée 2". */
class Item {
  @Label('libellé')
  @IsString()
  @MaxLength(12)
  label!: string;
}

class List {
  @Label('liste')
  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];
}

class Child extends Limits {}
class Partial extends PartialType(Limits) {}
class Picked extends PickType(Limits, ['name'] as const) {}

const pipe = frenchValidationPipe();

async function answerOf(metatype: new () => unknown, body: object): Promise<{ message: string; field?: string } | null> {
  try {
    await pipe.transform(body, { type: 'body', metatype });
    return null;
  } catch (err) {
    if (!(err instanceof BadRequestException)) throw err;
    return err.getResponse() as { message: string; field?: string };
  }
}
const messageOf = async (metatype: new () => unknown, body: object) => (await answerOf(metatype, body))?.message;

describe('validation messages: the numbers come from the constraints, not from class-validator’s English', () => {
  it('max and min lengths', async () => {
    expect(await answerOf(Limits, { name: 'x'.repeat(51) })).toEqual({
      message: 'Le champ « nom » est trop long (50 caractères).',
      field: 'name',
    });
    expect(await messageOf(Limits, { name: 'ab' })).toBe('Le champ « nom » est trop court (3 caractères).');
    expect(await answerOf(Limits, { name: 'abc' })).toBeNull();
  });

  it('min and max values, of a value and of each item of a list, decimals and large numbers included', async () => {
    expect(await messageOf(Limits, { name: 'abc', days: [1, 8] })).toBe('Le champ « jours » est trop grand (limite : 7).');
    expect(await messageOf(Limits, { name: 'abc', days: [0] })).toBe('Le champ « jours » est trop petit (limite : 1).');
    expect(await messageOf(Limits, { name: 'abc', rate: 0.25 })).toBe('Le champ « taux » est trop petit (limite : 0.5).');
    expect(await messageOf(Limits, { name: 'abc', rate: 2_000_000 })).toBe('Le champ « taux » est trop grand (limite : 1000000).');
  });

  it('nested items, inherited and mapped classes read the constraints declared on their source', async () => {
    expect(await answerOf(List, { items: [{ label: 'court' }, { label: 'bien trop long ici' }] })).toEqual({
      message: 'Le champ « liste › entrée 2 › libellé » est trop long (12 caractères).',
      field: 'items.1.label',
    });
    expect(await messageOf(Child, { name: 'x'.repeat(51) })).toBe('Le champ « nom » est trop long (50 caractères).');
    expect(await messageOf(Partial, { name: 'ab' })).toBe('Le champ « nom » est trop court (3 caractères).');
    expect(await messageOf(Picked, { name: 'x'.repeat(51) })).toBe('Le champ « nom » est trop long (50 caractères).');
  });

  it('the most basic problem first: a number sent for a text is not a text', async () => {
    expect(await messageOf(Limits, { name: 12 })).toBe('Le champ « nom » doit être un texte.');
  });
});
