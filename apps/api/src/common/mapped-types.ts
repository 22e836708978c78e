import { Type } from '@nestjs/common';
import {
  IntersectionType as SwaggerIntersectionType,
  OmitType as SwaggerOmitType,
  PartialType as SwaggerPartialType,
  PickType as SwaggerPickType,
} from '@nestjs/swagger';
import { inheritLabels } from './validation';

/**
 * The mapped types of @nestjs/swagger (validation, transformation and OpenAPI
 * metadata are inherited), plus the French @Label()s of the source classes,
 * which the validation messages read.
 */
export function PartialType<T>(classRef: Type<T>): Type<Partial<T>> {
  const mapped = SwaggerPartialType(classRef);
  inheritLabels(mapped, classRef);
  return mapped;
}

export function PickType<T, K extends keyof T>(classRef: Type<T>, keys: readonly K[]): Type<Pick<T, (typeof keys)[number]>> {
  const mapped = SwaggerPickType(classRef, keys);
  inheritLabels(mapped, classRef, (property) => (keys as readonly unknown[]).includes(property));
  return mapped;
}

export function OmitType<T, K extends keyof T>(classRef: Type<T>, keys: readonly K[]): Type<Omit<T, (typeof keys)[number]>> {
  const mapped = SwaggerOmitType(classRef, keys);
  inheritLabels(mapped, classRef, (property) => !(keys as readonly unknown[]).includes(property));
  return mapped;
}

export function IntersectionType<A, B>(a: Type<A>, b: Type<B>): Type<A & B> {
  const mapped = SwaggerIntersectionType(a, b) as Type<A & B>;
  inheritLabels(mapped, a);
  inheritLabels(mapped, b);
  return mapped;
}
