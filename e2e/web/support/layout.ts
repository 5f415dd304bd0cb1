import type { Page } from 'playwright-core';

/**
 * What sticks out on a page: the page wider than the window, the top bar past its width, any
 * element of `container` (a CSS selector) past the container's left or right edge, an element
 * whose text is cut (scrollWidth above its width where it does not scroll), and any element of
 * `mustBeVisible` (e.g. the decision buttons) below the fold. `display: contents` wrappers are
 * skipped: they have no box of their own (their rectangle is all zeros at the origin); so are
 * Material's ripple containers (`.mat-ripple`): the circle of a click or focus ripple is clipped
 * by them by design, and would read as cut text.
 * @returns one line per problem, naming the element by tag, class and the start of its text; empty when none.
 */
export async function layoutProblems(page: Page, container: string, mustBeVisible: string | null = null): Promise<string[]> {
  return page.evaluate(({ container, mustBeVisible }) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`page ${doc.scrollWidth}px wide in ${doc.clientWidth}px`);
    const bar = document.querySelector('mat-toolbar');
    if (bar && bar.scrollWidth > bar.clientWidth + 1) problems.push(`top bar ${bar.scrollWidth}px in ${bar.clientWidth}px`);
    const box = document.querySelector(container);
    if (box) {
      const edge = box.getBoundingClientRect();
      for (const el of Array.from(box.querySelectorAll<HTMLElement>('*'))) {
        if (getComputedStyle(el).display === 'contents' || el.closest('.mat-ripple')) continue;
        const b = el.getBoundingClientRect();
        const name = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
        if (b.right > edge.right + 1 || b.left < edge.left - 1) problems.push(`${name} past ${container}`);
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push(`${name} cut`);
      }
    }
    if (mustBeVisible) {
      for (const b of Array.from(document.querySelectorAll<HTMLElement>(mustBeVisible))) {
        if (b.getBoundingClientRect().bottom > window.innerHeight) problems.push(`"${b.textContent?.trim()}" below the fold`);
      }
    }
    return problems;
  }, { container, mustBeVisible });
}

/** Switches the app to Korean with the language toggle of the top bar. */
export function switchToKorean(page: Page): Promise<void> {
  return page.getByRole('radio', { name: '한국어' }).or(page.getByRole('button', { name: '한국어' })).first().click();
}
