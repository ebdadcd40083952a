/** How each entity type looks: cytoscape shape, colour and a one-character glyph (drawn in the label, so PNG export stays untainted). */
import type { StylesheetJsonBlock } from 'cytoscape';
import type { EntityType, LinkType } from '@/api/schemas';

type Look = { color: string; shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'star' | 'rectangle' | 'octagon' | 'vee' | 'tag' | 'barrel' | 'rhomboid' | 'pentagon'; glyph: string };

export const ENTITY_LOOK: Record<EntityType, Look> = {
  borrower: { color: '#1677ff', shape: 'ellipse', glyph: '借' },
  complainant: { color: '#13c2c2', shape: 'ellipse', glyph: '诉' },
  agent_person: { color: '#cf1322', shape: 'triangle', glyph: '代' },
  agent_firm: { color: '#a8071a', shape: 'star', glyph: '司' },
  phone: { color: '#fa8c16', shape: 'round-rectangle', glyph: '☎' },
  im_account: { color: '#52c41a', shape: 'round-rectangle', glyph: '微' },
  device: { color: '#722ed1', shape: 'hexagon', glyph: '机' },
  ip: { color: '#9254de', shape: 'octagon', glyph: 'IP' },
  bank_account: { color: '#d4b106', shape: 'rectangle', glyph: '卡' },
  address: { color: '#8c8c8c', shape: 'pentagon', glyph: '址' },
  document: { color: '#eb2f96', shape: 'tag', glyph: '文' },
  seal: { color: '#f5222d', shape: 'barrel', glyph: '章' },
  complaint: { color: '#595959', shape: 'diamond', glyph: '单' },
};

export const LINK_COLOR: Record<LinkType, string> = {
  uses_phone: '#fa8c16',
  represents: '#cf1322',
  employed_by: '#a8071a',
  paid: '#d4b106',
  submitted: '#595959',
  shares_device: '#722ed1',
  same_document: '#eb2f96',
  called: '#8c8c8c',
};

/** Distinct colours for communities (cycled). */
export const COMMUNITY_PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000', '#000075', '#e6beff', '#aaffc3', '#ffd8b1', '#800000', '#bfef45'];
export const communityColor = (c: number) => COMMUNITY_PALETTE[c % COMMUNITY_PALETTE.length];

/** Above this many nodes the view is drawn for overview: cheaper layout, straight unlabelled edges. */
export const LARGE_VIEW_NODES = 1200;

/**
 * `large`: level of detail for big views. Curved, labelled edges cost most of the first paint (control
 * points and a label measured for each of thousands of edges, unreadable at that zoom anyway), so edges are
 * straight "haystack" lines coloured by type (the legend names them) and labelled only around the
 * selected node and on a highlighted path.
 */
export function graphStylesheet({ large = false }: { large?: boolean } = {}): StylesheetJsonBlock[] {
  const perType: StylesheetJsonBlock[] = Object.entries(ENTITY_LOOK).map(([type, look]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': look.color, shape: look.shape },
  }));
  const perLink: StylesheetJsonBlock[] = Object.entries(LINK_COLOR).map(([type, color]) => ({
    selector: `edge[type = "${type}"]`,
    style: { 'line-color': color, 'target-arrow-color': color },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-size': 9,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '110px',
        width: 22,
        height: 22,
        'border-width': 0,
        'min-zoomed-font-size': 7,
      },
    },
    ...perType,
    { selector: 'node[?isHub]', style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': '#000', width: 30, height: 30 } },
    { selector: 'node[communityColor]', style: { 'underlay-color': 'data(communityColor)', 'underlay-opacity': 0.35, 'underlay-padding': 5, 'underlay-shape': 'ellipse' } },
    {
      selector: 'node[kind = "community"]',
      style: {
        shape: 'ellipse',
        'background-color': 'data(communityColor)',
        'background-opacity': 0.8,
        width: 'data(size)',
        height: 'data(size)',
        'font-size': 11,
        'font-weight': 'bold',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-wrap': 'wrap',
        color: '#fff',
        'text-outline-color': '#333',
        'text-outline-width': 1,
        'border-width': 2,
        'border-color': '#fff',
      },
    },
    { selector: 'node:locked', style: { 'border-width': 3, 'border-color': '#1f1f1f', 'border-style': 'double' } },
    { selector: 'node:selected', style: { 'overlay-color': '#1677ff', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 7,
        color: '#595959',
        'text-rotation': 'autorotate',
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 8,
        'line-color': '#bfbfbf',
      },
    },
    ...perLink,
    { selector: 'edge[kind = "aggregate"]', style: { width: 'mapData(weight, 1, 50, 1.5, 10)', 'line-color': '#8c8c8c', 'line-style': 'dashed' } },
    { selector: '.path', style: { 'line-color': '#f5222d', 'target-arrow-color': '#f5222d', width: 5, 'z-index': 10, 'overlay-color': '#f5222d', 'overlay-opacity': 0.15, 'overlay-padding': 4 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#f5222d', 'border-style': 'solid' } },
    { selector: '.faded', style: { opacity: 0.2 } },
    ...(large
      ? ([
          { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, label: '' } },
          { selector: 'edge.focus, edge.path', style: { 'curve-style': 'bezier', label: 'data(label)' } },
        ] satisfies StylesheetJsonBlock[])
      : []),
  ];
}
