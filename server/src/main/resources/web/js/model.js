// Choosing a model, for a new run and for a fork: the node's aliases, the scripted demo, or any
// OpenAI-compatible server by base URL and model name.
import { h } from 'preact';

const CUSTOM = '__custom__';

export function modelOptions(model) {
  if (model.llm === CUSTOM) {
    return { llmBaseUrl: model.llmBaseUrl || '', llmModel: model.llmModel || '' };
  }
  return model.llm ? { llm: model.llm } : {};
}

export function ModelChoice({ aliases, value, onChange, errors, idPrefix, emptyLabel }) {
  const id = name => idPrefix + '-' + name;
  const error = name => errors && errors[name];
  const choices = [['', emptyLabel || 'the node\'s default'], ['demo', 'scripted demo model']]
    .concat(aliases.filter(a => a !== 'demo').map(a => ['gateway:' + a, 'alias ' + a]))
    .concat([[CUSTOM, 'an OpenAI-compatible server...']]);
  return h('fieldset', { class: 'model' },
    h('legend', null, 'Model'),
    h('div', { class: 'field' + (error('llm') ? ' invalid' : '') },
      h('label', { for: id('llm') }, 'Model'),
      h('select', { id: id('llm'), value: value.llm, onChange: e => onChange({ ...value, llm: e.target.value }) },
        choices.map(([v, label]) => h('option', { value: v }, label))),
      error('llm') && h('p', { class: 'field-error', role: 'alert' }, error('llm'))),
    value.llm === CUSTOM && h('div', { class: 'row' },
      h('div', { class: 'field' + (error('llmBaseUrl') ? ' invalid' : '') },
        h('label', { for: id('base-url') }, 'Base URL'),
        h('input', { id: id('base-url'), type: 'url', placeholder: 'http://gpu1:8000/v1', value: value.llmBaseUrl || '',
          onInput: e => onChange({ ...value, llmBaseUrl: e.target.value.trim() }) }),
        error('llmBaseUrl') && h('p', { class: 'field-error', role: 'alert' }, error('llmBaseUrl'))),
      h('div', { class: 'field' + (error('llmModel') ? ' invalid' : '') },
        h('label', { for: id('model-name') }, 'Model name'),
        h('input', { id: id('model-name'), placeholder: 'Qwen/Qwen2.5-Coder-32B-Instruct', value: value.llmModel || '',
          onInput: e => onChange({ ...value, llmModel: e.target.value.trim() }) }),
        error('llmModel') && h('p', { class: 'field-error', role: 'alert' }, error('llmModel')))));
}
