// How numbers, times and statuses read on the page.
import { h } from 'preact';

export function duration(ms) {
  if (ms === undefined || ms === null || ms < 0) {
    return '';
  }
  const s = Math.round(ms / 1000);
  if (s < 60) {
    return s + ' s';
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return m + ' min ' + (s % 60) + ' s';
  }
  return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
}

export function cost(usd) {
  return usd === undefined || usd === null ? '' : '$' + Number(usd).toFixed(4);
}

export function count(n) {
  return n === undefined || n === null ? '' : Number(n).toLocaleString('en');
}

export function time(epochMillis) {
  if (!epochMillis) {
    return '';
  }
  const d = new Date(epochMillis);
  const pad = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
    + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
}

export function clock(epochMillis) {
  return epochMillis ? time(epochMillis).slice(11) : '';
}

export function Status({ value }) {
  const status = value || 'UNKNOWN';
  return h('span', { class: 'status status-' + status.toLowerCase() }, status);
}

export function bytes(n) {
  if (n < 1024) {
    return n + ' B';
  }
  return n < 1024 * 1024 ? (n / 1024).toFixed(1) + ' KiB' : (n / 1024 / 1024).toFixed(1) + ' MiB';
}
