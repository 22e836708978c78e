import { BadRequestException } from '@nestjs/common';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from './dto-helpers';
import { IntersectionType, OmitType, PartialType, PickType } from './mapped-types';
import { frenchValidationPipe, Label } from './validation';

class Base {
  @Label('nom')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5)
  name!: string;

  @Label('code secret')
  @IsString()
  secret!: string;
}

class Child extends Base {
  @Label('actif')
  @IsBoolean()
  active!: boolean;
}

class Partial extends PartialType(Child) {}
class Picked extends PickType(Child, ['name'] as const) {}
class Omitted extends OmitType(Child, ['secret'] as const) {}
class Both extends IntersectionType(PickType(Child, ['active'] as const), PartialType(PickType(Base, ['secret'] as const))) {}

const pipe = frenchValidationPipe();

async function messageOf(metatype: new () => unknown, body: object): Promise<string | null> {
  try {
    await pipe.transform(body, { type: 'body', metatype });
    return null;
  } catch (err) {
    if (!(err instanceof BadRequestException)) throw err;
    return (err.getResponse() as { message: string }).message;
  }
}

describe('mapped types keep the French labels (and the validation) of their source', () => {
  it('PartialType: optional fields, validated and labelled when present (parent labels too)', async () => {
    expect(await messageOf(Partial, {})).toBeNull();
    expect(await messageOf(Partial, { name: 'beaucoup trop long' })).toContain('« nom »');
    expect(await messageOf(Partial, { active: 'oui' })).toContain('« actif »');
  });

  it('transformations are inherited: the name is trimmed before its length is checked', async () => {
    expect(await pipe.transform({ name: '  abc  ' }, { type: 'body', metatype: Partial })).toEqual(
      expect.objectContaining({ name: 'abc' }),
    );
  });

  it('PickType and OmitType: the kept fields keep their labels; a left-out field is not expected', async () => {
    expect(await messageOf(Picked, { name: '' })).toContain('« nom »');
    expect(await messageOf(Picked, { name: 'abc', secret: 'x' })).toContain('« secret »');
    expect(await messageOf(Omitted, { name: 'abc', active: 1 })).toContain('« actif »');
  });

  it('IntersectionType: the labels of both sides', async () => {
    expect(await messageOf(Both, { active: 1 })).toContain('« actif »');
    expect(await messageOf(Both, { active: true, secret: 3 })).toContain('« code secret »');
  });
});
