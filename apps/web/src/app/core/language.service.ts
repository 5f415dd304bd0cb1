import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { initialLanguage, type UiLanguage } from './ui-language';

const STORAGE_KEY = 'customs-risk.lang';

/** Switches the UI between English and Korean and remembers the choice in this browser. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  readonly current = signal<UiLanguage>('en');

  /** Applies the stored choice, else the browser's language when it is Korean, else English. */
  init(): void {
    this.use(initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.language));
  }

  /** Shows the UI in `lang`, remembers it in localStorage and sets `<html lang>`. */
  use(lang: UiLanguage): void {
    this.current.set(lang);
    localStorage.setItem(STORAGE_KEY, lang);
    this.document.documentElement.lang = lang;
    this.translate.use(lang);
  }
}
