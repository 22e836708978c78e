import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { provideTestIcons } from '../core/testing';
import { DEFAULT_KIOSK_TIMING, KIOSK_TIMING } from '../shared/attendance/kiosk-timing';
import { KioskApi } from './kiosk-api';
import { KioskInactivity, STILL_THERE_TITLE } from './kiosk-inactivity';

@Component({
  selector: 'app-test-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KioskInactivity],
  template: `<app-kiosk-inactivity slug="chemin-rouge" [paused]="paused()" />`,
})
class Host {
  readonly paused = signal(false);
}

describe('KioskInactivity', () => {
  let fixture: ComponentFixture<Host>;
  let end: jest.SpyInstance;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
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
    fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
  });

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
});
