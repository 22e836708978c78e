import { fromLocalDate } from '../../core/french-date-adapter';
import { RefCatalog } from '../../core/reference';
import { testMember, testOptions } from '../../core/testing';
import { ageLabel, birthDateError, changesStats, createMemberForm, loginAllowed, memberCreateBody, memberPatchBody } from './member-form';

const TODAY = '2026-11-29';

const catalog: RefCatalog = { options: testOptions() };

describe('ageLabel', () => {
  it('shows years, and months for babies under one year', () => {
    expect(ageLabel('1975-06-26', '2018-10-23')).toBe('43 ans');
    expect(ageLabel('2025-11-29', TODAY)).toBe('1 an');
    expect(ageLabel('2026-03-15', TODAY)).toBe('8 mois');
    expect(ageLabel('2026-03-30', TODAY)).toBe('7 mois');
    expect(ageLabel('2026-11-20', TODAY)).toBe("moins d'un mois");
  });

  it('shows nothing without a birth date or for a future one', () => {
    expect(ageLabel(null, TODAY)).toBe('');
    expect(ageLabel('2027-01-01', TODAY)).toBe('');
  });
});

describe('createMemberForm', () => {
  it('starts a new member with the family values and today as registration date', () => {
    const form = createMemberForm({ mode: 'admin', catalog, today: TODAY, defaults: { lastName: 'GRUJIC', qfId: 41, minimaId: 31 } });
    const v = form.getRawValue();
    expect(v.lastName).toBe('GRUJIC');
    expect(v.qfId).toBe(41);
    expect(v.minimaId).toBe(31);
    expect(v.registeredOn).toEqual(fromLocalDate(TODAY));
    expect(form.controls.registeredOn.enabled).toBe(true);
  });

  it('has no registration date for a family', () => {
    const form = createMemberForm({ mode: 'family', catalog, today: TODAY });
    expect(form.controls.registeredOn.disabled).toBe(true);
  });

  it('refuses birth dates in the future or before 1900', () => {
    const form = createMemberForm({ mode: 'admin', catalog, today: TODAY });
    const birth = form.controls.birthDate;
    birth.setValue(fromLocalDate('2026-11-30'));
    expect(birthDateError(birth)).toBe('La date de naissance ne peut pas être dans le futur.');
    birth.setValue(fromLocalDate('1899-12-31'));
    expect(birthDateError(birth)).toBe('La date de naissance ne peut pas être avant le 01/01/1900.');
    birth.setValue(fromLocalDate('1900-01-01'));
    expect(birth.valid).toBe(true);
    birth.setValue(fromLocalDate(TODAY));
    expect(birth.valid).toBe(true);
    birth.setValue(null);
    expect(birthDateError(birth)).toBe('Saisissez la date de naissance (jj/mm/aaaa).');
  });

  it('offers an own login to adult statuses only', () => {
    const form = createMemberForm({ mode: 'admin', catalog, today: TODAY });
    expect(form.controls.login.disabled).toBe(true);
    form.controls.statusId.setValue(20);
    expect(form.controls.login.enabled).toBe(true);
    form.controls.statusId.setValue(25);
    expect(form.controls.login.disabled).toBe(true);
  });

  it('keeps the login fields of a member whose status is unknown here only when it has a login', () => {
    expect(loginAllowed(catalog, 99, 'a@b.fr')).toBe(true);
    expect(loginAllowed(catalog, 99, null)).toBe(false);
  });

  it('requires a password (typed twice) for a new login, not for an existing one', () => {
    const form = createMemberForm({ mode: 'admin', catalog, today: TODAY, member: testMember() });
    const login = form.controls.login.controls;
    expect(form.controls.login.enabled).toBe(true);
    expect(form.valid).toBe(true);
    login.email.setValue('stanko@exemple.fr');
    expect(login.password.hasError('required')).toBe(true);
    login.password.setValue('court');
    expect(login.password.hasError('minlength')).toBe(true);
    login.password.setValue('une phrase assez longue');
    expect(login.confirm.hasError('required')).toBe(true);
    login.confirm.setValue('une autre phrase');
    expect(login.confirm.hasError('mismatch')).toBe(true);
    login.confirm.setValue('une phrase assez longue');
    expect(form.valid).toBe(true);

    const withLogin = createMemberForm({ mode: 'admin', catalog, today: TODAY, member: testMember({ login: 'stanko@exemple.fr' }) });
    expect(withLogin.valid).toBe(true);
  });

  it('asks for the e-mail when only a password is typed', () => {
    const form = createMemberForm({ mode: 'admin', catalog, today: TODAY, member: testMember() });
    form.controls.login.controls.password.setValue('une phrase assez longue');
    expect(form.controls.login.controls.email.hasError('emailNeeded')).toBe(true);
  });
});

describe('member bodies', () => {
  function filledForm(mode: 'admin' | 'family') {
    const form = createMemberForm({ mode, catalog, today: TODAY, defaults: { lastName: 'GRUJIC', qfId: 41, minimaId: 30 } });
    form.patchValue({
      firstName: '  Luka ',
      sexId: 2,
      birthDate: fromLocalDate('2016-05-04'),
      cityId: 10,
      statusId: 25,
      avatar: 'lapin',
    });
    return form;
  }

  it('sends a new child without login, and the registration date only from the back office', () => {
    expect(memberCreateBody(filledForm('family'), 'family')).toEqual({
      lastName: 'GRUJIC',
      firstName: 'Luka',
      sexId: 2,
      birthDate: '2016-05-04',
      cityId: 10,
      statusId: 25,
      minimaId: 30,
      qfId: 41,
      avatar: 'lapin',
    });
    expect(memberCreateBody(filledForm('admin'), 'admin')).toMatchObject({ registeredOn: TODAY });
  });

  it('sends the own login of a new adult', () => {
    const form = filledForm('family');
    form.controls.statusId.setValue(21);
    form.controls.login.setValue({ email: ' Luka@Exemple.FR ', password: 'une phrase assez longue', confirm: 'une phrase assez longue' });
    expect(memberCreateBody(form, 'family').login).toEqual({ email: 'luka@exemple.fr', password: 'une phrase assez longue' });
  });

  it('sends only what changed, and says when statistics are concerned', () => {
    const member = testMember({ login: 'stanko@exemple.fr' });
    const form = createMemberForm({ mode: 'family', catalog, today: TODAY, member });
    expect(memberPatchBody(form, member, 'family')).toEqual({});

    form.controls.firstName.setValue('Stanislas');
    let patch = memberPatchBody(form, member, 'family');
    expect(patch).toEqual({ firstName: 'Stanislas' });
    expect(changesStats(patch)).toBe(false);

    form.controls.cityId.setValue(11);
    patch = memberPatchBody(form, member, 'family');
    expect(patch).toEqual({ firstName: 'Stanislas', cityId: 11 });
    expect(changesStats(patch)).toBe(true);
    expect('registeredOn' in patch).toBe(false);
  });

  it('removes an own login when its e-mail is cleared, keeps its password when only the e-mail changes', () => {
    const member = testMember({ login: 'stanko@exemple.fr' });
    const form = createMemberForm({ mode: 'admin', catalog, today: TODAY, member });
    form.controls.login.controls.email.setValue('');
    expect(memberPatchBody(form, member, 'admin')).toEqual({ login: null });
    form.controls.login.controls.email.setValue('nouveau@exemple.fr');
    expect(memberPatchBody(form, member, 'admin')).toEqual({ login: { email: 'nouveau@exemple.fr' } });
  });
});
