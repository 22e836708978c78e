import { Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE } from '@angular/material/core';
import { MatIconRegistry } from '@angular/material/icon';
import { FakeMatIconRegistry } from '@angular/material/icon/testing';
import type { FamilyDetail, MemberDto, RefItemDto, RefKind, ReferenceOptions, Role, SessionInfo } from '@pointage/contracts';
import { FrenchDateAdapter } from './french-date-adapter';

/** Helpers of the unit tests (imported by *.spec.ts only). */

/** A session valid for an hour unless told otherwise. */
export function fakeSession(role: Role, overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    accountId: role === 'super-admin' ? 1 : 2,
    role,
    structureId: role === 'super-admin' ? null : 7,
    structureName: role === 'super-admin' ? null : 'Ludothèque du Chemin Rouge',
    familyId: null,
    displayName: role === 'super-admin' ? 'Fédération' : 'Équipe',
    login: role === 'super-admin' ? 'it@federation.fr' : 'equipe@ludo.fr',
    actor: null,
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    ...overrides,
  };
}

/** <mat-icon svgIcon> without fetching the SVG files. */
export function provideTestIcons(): Provider {
  return { provide: MatIconRegistry, useClass: FakeMatIconRegistry };
}

/** The date providers of app.config.ts. */
export const DATE_PROVIDERS = [
  { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' },
  { provide: DateAdapter, useClass: FrenchDateAdapter },
  {
    provide: MAT_DATE_FORMATS,
    useValue: {
      parse: { dateInput: null },
      display: { dateInput: null, monthYearLabel: { year: 'numeric', month: 'short' }, dateA11yLabel: {}, monthYearA11yLabel: {} },
    },
  },
];

function entry(kind: RefKind, id: number, label: string, extra: Partial<RefItemDto> = {}): RefItemDto {
  return { id, kind, label, position: id, active: true, isChild: false, code: null, ...extra };
}

/** Active reference lists of a test structure (ids: sex 1–2, city 10–11, status 20–25, minima 30–31, qf 40–41). */
export function testOptions(): ReferenceOptions {
  return {
    sex: [entry('sex', 1, 'Femme'), entry('sex', 2, 'Homme')],
    city: [entry('city', 10, 'Lille'), entry('city', 11, 'Ronchin')],
    status: [entry('status', 20, 'Mère'), entry('status', 21, 'Père'), entry('status', 25, 'Enfant à charge', { isChild: true })],
    minima: [entry('minima', 30, 'Non'), entry('minima', 31, 'RSA')],
    qf: [entry('qf', 40, '0 à 480 €'), entry('qf', 41, '481 à 581 €')],
  };
}

/** An adult member of the GRUJIC family, without attendance. */
export function testMember(overrides: Partial<MemberDto> = {}): MemberDto {
  return {
    id: 5,
    familyId: 3,
    lastName: 'GRUJIC',
    firstName: 'Stanko',
    sexId: 2,
    birthDate: '1975-06-26',
    cityId: 10,
    statusId: 21,
    minimaId: 30,
    qfId: 41,
    avatar: null,
    registeredOn: '2025-09-01',
    archived: false,
    login: null,
    hasAttendance: false,
    ...overrides,
  };
}

/** The GRUJIC family with Stanko (adult) and Luka (child, with attendance). */
export function testFamily(overrides: Partial<FamilyDetail> = {}): FamilyDetail {
  return {
    id: 3,
    name: 'GRUJIC',
    email: 'famille.grujic@exemple.fr',
    qfId: 41,
    minimaId: 30,
    archived: false,
    anonymised: false,
    createdAt: '2026-09-01T08:00:00Z',
    members: [testMember(), testMember({ id: 6, firstName: 'Luka', birthDate: '2018-02-03', statusId: 25, hasAttendance: true })],
    hasAttendance: true,
    ...overrides,
  };
}
