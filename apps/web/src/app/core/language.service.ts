import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

/** UI languages; texts live in `public/i18n/<lang>.json`. */
export const LANGUAGES = ['en', 'ko'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'customs-risk.lang';

/** Switches the UI between English and Korean and remembers the choice in this browser. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  readonly current = signal<UiLanguage>('en');

  /** Applies the stored choice, else the browser's language when it is Korean, else English. */
  init(): void {
    const stored = localStorage.getItem(STORAGE_KEY);
    const browser = navigator.language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
    this.use(isLanguage(stored) ? stored : browser);
  }

  use(lang: UiLanguage): void {
    this.current.set(lang);
    localStorage.setItem(STORAGE_KEY, lang);
    this.document.documentElement.lang = lang;
    this.translate.use(lang);
  }
}

function isLanguage(value: string | null): value is UiLanguage {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}
