// The node view the editor's custom nodes share: small labelled fields for a node's attributes (text inputs and
// checkboxes) beside its content, kept out of ProseMirror's reach, and a Remove button for atoms.
import type { Editor } from '@tiptap/core';
import { Fragment, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { el, uid } from './dom.ts';

/** A string attribute stored in the node and serialised as `data-<name>` for copy and paste. */
export function textAttr(name: string) {
  return {
    default: '',
    parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) ?? '',
    renderHTML: (attrs: Record<string, unknown>) => (attrs[name] ? { [`data-${name}`]: String(attrs[name]) } : {}),
  };
}

export function flatText(dom: globalThis.Node, schema: Schema): Fragment {
  const text = (dom.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text ? Fragment.from(schema.text(text)) : Fragment.empty;
}

export interface Field {
  name: string;
  label: string;
  max: number;
  required?: boolean;
  /** A yes/no attribute (stored as a boolean) instead of text. */
  checkbox?: boolean;
}

export interface ViewSpec {
  fields: Field[];
  build: (node: PMNode) => { dom: HTMLElement; contentDOM?: HTMLElement };
  /** Label of a Remove button (atom nodes); none when omitted. */
  removeLabel?: string;
  /** Attributes whose change redraws the whole view (e.g. the preview's src). */
  rebuildOn?: string[];
}

export interface ViewProps {
  node: PMNode;
  editor: Editor;
  getPos: () => number | undefined;
}

/**
 * A node view with small labelled inputs for the node's attributes, kept out of ProseMirror's
 * reach (contenteditable=false, events stopped) so typing in them never edits the document text.
 */
export class FieldsView implements NodeView {
  dom: HTMLElement;
  contentDOM?: HTMLElement;
  private panel: HTMLElement;
  private inputs = new Map<string, HTMLInputElement>();

  constructor(
    private props: ViewProps,
    private spec: ViewSpec,
  ) {
    const { fields, removeLabel } = spec;
    const built = spec.build(props.node);
    this.dom = built.dom;
    this.contentDOM = built.contentDOM;
    this.panel = el('div', { className: 'mh-fields', contentEditable: 'false' });
    for (const field of fields) {
      const id = uid('mh-field');
      const label = el('label', { htmlFor: id }, field.label + (field.required ? ' (required)' : ''));
      if (field.checkbox) {
        const box = el('input', { id, type: 'checkbox', checked: props.node.attrs[field.name] === true });
        box.addEventListener('change', () => this.setAttr(field.name, box.checked));
        this.inputs.set(field.name, box);
        this.panel.append(el('span', { className: 'mh-check' }, box, label));
        continue;
      }
      const input = el('input', { id, type: 'text', maxLength: field.max, value: String(props.node.attrs[field.name] ?? '') });
      if (field.required) input.setAttribute('aria-required', 'true');
      input.addEventListener('input', () => this.setAttr(field.name, input.value));
      this.inputs.set(field.name, input);
      this.panel.append(label, input);
    }
    if (removeLabel) {
      const remove = el('button', { type: 'button', className: 'mh-remove', textContent: 'Remove' });
      remove.setAttribute('aria-label', removeLabel);
      remove.addEventListener('click', () => this.remove());
      this.panel.append(remove);
    }
    // Enter in a field would submit the article form that surrounds the editor.
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
    });
    this.dom.append(this.panel);
  }

  private setAttr(name: string, value: string | boolean) {
    const pos = this.props.getPos();
    const { state, view } = this.props.editor;
    const node = typeof pos === 'number' ? state.doc.nodeAt(pos) : null;
    if (typeof pos !== 'number' || !node) return;
    view.dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [name]: value }));
  }

  private remove() {
    const pos = this.props.getPos();
    const { state, view } = this.props.editor;
    const node = typeof pos === 'number' ? state.doc.nodeAt(pos) : null;
    if (typeof pos !== 'number' || !node) return;
    view.dispatch(state.tr.delete(pos, pos + node.nodeSize));
    view.focus();
  }

  update(node: PMNode): boolean {
    if (node.type !== this.props.node.type) return false;
    if (this.spec.rebuildOn?.some((k) => node.attrs[k] !== this.props.node.attrs[k])) return false;
    this.props.node = node;
    for (const [name, input] of this.inputs) {
      if (input.type === 'checkbox') input.checked = node.attrs[name] === true;
      else if (input !== document.activeElement) input.value = String(node.attrs[name] ?? '');
    }
    return true;
  }

  stopEvent(event: Event): boolean {
    return event.target instanceof globalThis.Node && this.panel.contains(event.target);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    return this.panel.contains(mutation.target) || (!this.contentDOM?.contains(mutation.target) && mutation.target !== this.contentDOM);
  }
}
