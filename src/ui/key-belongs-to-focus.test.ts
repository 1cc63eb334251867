// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { keyBelongsToFocus } from './shortcuts.ts';

/** A small page: a toolbar, fields, and a canvas with its background, a node and an edge. */
function page(): Document {
  document.body.innerHTML = `
    <div class="toolbar">
      <button id="step">Step</button>
      <a id="link" href="#x">Help</a>
      <a id="anchor">not a link</a>
      <input id="input" /><select id="select"></select><textarea id="area"></textarea>
      <div id="fake-button" role="button" tabindex="0"><span id="inside">Go</span></div>
      <div id="panel" tabindex="-1">results</div>
    </div>
    <div class="react-flow" id="canvas">
      <div class="react-flow__pane" id="pane"></div>
      <div class="react-flow__node" id="node" tabindex="0"><div id="node-body">Orders</div></div>
      <svg><g class="react-flow__edge" id="edge" tabindex="0"><path id="edge-path" /></g></svg>
    </div>`;
  return document;
}

const byId = (id: string) => document.getElementById(id);

describe('keyBelongsToFocus', () => {
  it('Space and Enter on a focused control do its own thing, not Play', () => {
    page();
    for (const id of ['step', 'link', 'input', 'select', 'area', 'fake-button', 'inside']) {
      expect({ id, space: keyBelongsToFocus(' ', byId(id)) }).toEqual({ id, space: true });
      expect({ id, enter: keyBelongsToFocus('Enter', byId(id)) }).toEqual({ id, enter: true });
    }
  });

  it('a focused canvas node or edge keeps Space (React Flow selects it)', () => {
    page();
    for (const id of ['node', 'node-body', 'edge', 'edge-path']) {
      expect({ id, space: keyBelongsToFocus(' ', byId(id)) }).toEqual({ id, space: true });
    }
  });

  it('Space plays with focus on the page itself or on the canvas background', () => {
    page();
    expect(keyBelongsToFocus(' ', document.body)).toBe(false);
    expect(keyBelongsToFocus(' ', document.documentElement)).toBe(false);
    expect(keyBelongsToFocus(' ', byId('pane'))).toBe(false);
    expect(keyBelongsToFocus(' ', byId('canvas'))).toBe(false);
    expect(keyBelongsToFocus(' ', null)).toBe(false);
    expect(keyBelongsToFocus(' ', window)).toBe(false);
  });

  it('elsewhere (a focused panel, an anchor without href) Space keeps its native meaning', () => {
    page();
    expect(keyBelongsToFocus(' ', byId('panel'))).toBe(true);
    expect(keyBelongsToFocus(' ', byId('anchor'))).toBe(true);
  });

  it('other keys are never claimed: "." still steps and Ctrl+Z undoes from a focused button', () => {
    page();
    for (const key of ['.', 'f', 'z', '?', 'Escape']) {
      expect(keyBelongsToFocus(key, byId('step'))).toBe(false);
    }
  });
});
