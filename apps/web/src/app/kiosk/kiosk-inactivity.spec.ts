import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { SessionStore } from '../core/session';
import { fakeSession, provideTestIcons } from '../core/testing';
import { DEFAULT_KIOSK_TIMING, KIOSK_TIMING } from '../shared/attendance/kiosk-timing';
import { KioskApi } from './kiosk-api';
import { KioskInactivity, pendingTicksMessage, STILL_THERE_TITLE } from './kiosk-inactivity';

@Component({
  selector: 'app-test-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KioskInactivity],
  template: `<app-kiosk-inactivity slug="chemin-rouge" [paused]="paused()" [ticked]="ticked()" (validate)="validated = validated + 1" />`,
})
class Host {
  readonly paused = signal(false);
  readonly ticked = signal(0);
  validated = 0;
}

describe('KioskInactivity', () => {
  let fixture: ComponentFixture<Host>;
  let end: jest.SpyInstance;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    sessionStorage.clear();
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        // One second of inactivity, a three-second countdown.
        { provide: KIOSK_TIMING, useValue: { ...DEFAULT_KIOSK_TIMING, inactivityMs: 1000, countdownSeconds: 3 } },
      ],
    });
    end = jest.spyOn(TestBed.inject(KioskApi), 'end');
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    create();
  });

  function create(): void {
    fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
  }

  afterEach(() => {
    fixture.destroy();
    jest.useRealTimers();
  });

  function advance(ms: number): void {
    jest.advanceTimersByTime(ms);
    fixture.detectChanges();
  }

  function dialogText(): string {
    return document.querySelector('mat-dialog-container')?.textContent ?? '';
  }

  function dialogButton(label: string): HTMLButtonElement | undefined {
    return Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find(
      (b) => b.textContent?.trim() === label,
    );
  }

  it('asks after the inactivity delay, counts down, then drops the family and goes home', () => {
    advance(999);
    expect(dialogText()).toBe('');
    advance(1);
    expect(dialogText()).toContain(STILL_THERE_TITLE);
    expect(document.querySelector('mat-dialog-container')?.getAttribute('role')).toBe('alertdialog');
    expect(dialogText()).toContain('3 secondes');
    advance(1000);
    expect(dialogText()).toContain('2 secondes');
    advance(1000);
    expect(dialogText()).toContain('1 seconde.');
    expect(end).not.toHaveBeenCalled();
    advance(1000);
    advance(500);
    expect(end).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge']);
    expect(dialogText()).toBe('');
  });

  it('"Je suis là" keeps the family, and the delay starts again', () => {
    advance(1000);
    const here = Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find(
      (b) => b.textContent?.trim() === 'Je suis là',
    );
    expect(here).toBeDefined();
    here?.click();
    advance(500);
    expect(dialogText()).toBe('');
    advance(600);
    expect(end).not.toHaveBeenCalled();
    // Asked again after a new minute (here: second) of inactivity.
    expect(dialogText()).toContain(STILL_THERE_TITLE);
  });

  it('a touch or a key starts the delay again', () => {
    advance(800);
    document.dispatchEvent(new Event('pointerdown'));
    advance(800);
    expect(dialogText()).toBe('');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    advance(800);
    expect(dialogText()).toBe('');
    advance(200);
    expect(dialogText()).toContain(STILL_THERE_TITLE);
  });

  it('waits while paused (a validation on its way, the thank-you)', () => {
    fixture.componentInstance.paused.set(true);
    fixture.detectChanges();
    advance(10_000);
    expect(dialogText()).toBe('');
    fixture.componentInstance.paused.set(false);
    fixture.detectChanges();
    advance(1000);
    expect(dialogText()).toContain(STILL_THERE_TITLE);
  });

  it('says nothing of ticks and offers only "Je suis là" when nobody is ticked', () => {
    advance(1000);
    expect(dialogText()).not.toContain('cochée');
    expect(dialogButton('VALIDER')).toBeUndefined();
    expect(dialogButton('Je suis là')).toBeDefined();
  });

  it('says how many ticked members are not validated yet, and VALIDER asks the sheet to validate them', () => {
    fixture.componentInstance.ticked.set(2);
    fixture.detectChanges();
    advance(1000);
    expect(dialogText()).toContain('2 personnes cochées ne sont pas encore validées.');
    // A screen reader reads it with the question.
    const described = document.querySelector('mat-dialog-container')?.getAttribute('aria-describedby');
    expect(document.getElementById(described ?? '')?.textContent).toContain('2 personnes cochées ne sont pas encore validées.');
    expect(dialogText()).toContain('ces présences ne seront pas enregistrées');
    expect(dialogButton('Je suis là')).toBeDefined();
    dialogButton('VALIDER')?.click();
    advance(500);
    expect(fixture.componentInstance.validated).toBe(1);
    expect(dialogText()).toBe('');
    expect(end).not.toHaveBeenCalled();
  });

  it('with ticked members and no answer, still ends the session at the end of the countdown', () => {
    fixture.componentInstance.ticked.set(1);
    fixture.detectChanges();
    advance(1000);
    expect(dialogText()).toContain(pendingTicksMessage(1));
    expect(pendingTicksMessage(1)).toBe("1 personne cochée n'est pas encore validée.");
    advance(3500);
    expect(fixture.componentInstance.validated).toBe(0);
    expect(end).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge']);
  });

  it('keeps the last touch with the family session: after a reload the delay goes on from it', () => {
    const store = TestBed.inject(SessionStore);
    store.openKiosk('chemin-rouge', 'family-token', fakeSession('family'));
    advance(300);
    document.dispatchEvent(new Event('pointerdown'));
    expect(store.kioskLastActivity()).toBe(Date.now());
    fixture.destroy();
    // The page comes back 1.8 s after that touch: 0.8 s into the three-second question.
    advance(1800);
    create();
    advance(0);
    expect(dialogText()).toContain(STILL_THERE_TITLE);
    expect(dialogText()).toContain('3 secondes');
    advance(1000);
    expect(dialogText()).toContain('2 secondes');
    advance(2500);
    expect(end).toHaveBeenCalledTimes(1);
  });

  it('"Je suis là" counts as a touch for the session', () => {
    const store = TestBed.inject(SessionStore);
    store.openKiosk('chemin-rouge', 'family-token', fakeSession('family'));
    advance(1000);
    const answeredAt = Date.now();
    dialogButton('Je suis là')?.click();
    advance(500);
    expect(store.kioskLastActivity()).toBeGreaterThanOrEqual(answeredAt);
  });
});
