import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import cytoscape from 'cytoscape';
import { BAND_COLOURS, nodeLabel, partyLink, radialPositions, riskBand } from './party-view';
import type { PartyView } from './party.types';

/**
 * The party's neighbourhood drawn with cytoscape.js: a radial tree (`radialPositions`: the party in
 * the middle, its counterparties on a ring, each 2-hop party beyond its heaviest tie), nodes filled by risk band (grey none to dark
 * red high), seized parties as diamonds with a dark border, the page's party ringed in blue,
 * edges thicker with more shared declarations. A click on a node opens that party's page.
 * The seized-neighbour table beside it carries the same facts as text.
 */
@Component({
  selector: 'cr-party-graph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #canvas class="canvas" role="img" [attr.aria-label]="label()" data-testid="party-graph"></div>`,
  styles: `
    :host { display: block; }
    .canvas { width: 100%; height: 460px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; background: var(--mat-sys-surface-container-lowest); }
  `,
})
export class PartyGraphComponent {
  readonly view = input.required<PartyView>();
  /** Accessible description of the drawing (translated by the page). */
  readonly label = input('');
  private readonly canvas = viewChild.required<ElementRef<HTMLDivElement>>('canvas');
  private readonly router = inject(Router);
  private cy: cytoscape.Core | null = null;

  constructor() {
    effect(() => this.draw(this.view()));
    inject(DestroyRef).onDestroy(() => this.cy?.destroy());
  }

  private draw(view: PartyView): void {
    this.cy?.destroy();
    const maxWeight = Math.max(1, ...view.neighbourhood.edges.map((e) => e.weight));
    const positions = radialPositions(view.neighbourhood.nodes, view.neighbourhood.edges);
    this.cy = cytoscape({
      container: this.canvas().nativeElement,
      elements: [
        ...view.neighbourhood.nodes.map((n) => ({
          data: { id: n.key, label: nodeLabel(n.role, n.id), colour: BAND_COLOURS[riskBand(n.score)], hops: n.hops, role: n.role, partyId: n.id },
          position: positions.get(n.key) ?? { x: 0, y: 0 },
          classes: [n.seized ? 'seized' : '', n.hops === 0 ? 'self' : ''].filter(Boolean).join(' '),
        })),
        ...view.neighbourhood.edges.map((e) => ({ data: { id: `${e.source}|${e.target}`, source: e.source, target: e.target, width: 1 + (5 * Math.log1p(e.weight)) / Math.log1p(maxWeight), weight: e.weight } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)', label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3,
            width: 22, height: 22, 'border-width': 1, 'border-color': '#5f6368', color: '#1f1f1f', 'text-wrap': 'none',
          },
        },
        { selector: 'node.seized', style: { shape: 'diamond', 'border-width': 3, 'border-color': '#1f1f1f', width: 28, height: 28 } },
        { selector: 'node.self', style: { 'border-width': 4, 'border-color': '#1a57c8', width: 32, height: 32, 'font-weight': 'bold' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#a9adb1', 'curve-style': 'straight', label: 'data(weight)', 'font-size': 8, color: '#5f6368' } },
      ],
      layout: { name: 'preset', fit: true, padding: 36, animate: false },
      userZoomingEnabled: true,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    this.cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.data('hops') === 0) return;
      void this.router.navigate(partyLink(node.data('role'), node.data('partyId')), { queryParamsHandling: 'preserve' });
    });
  }
}
