'use strict';
// The register this subscriber keeps, from the Registry's integration events alone: per koperasi,
// the messages that can move it between cells (regency x activity), kept by streamVersion so the
// order in which the replay and the live flow deliver them does not matter. A table for a date
// folds each koperasi's messages in stream order, on the business dates they carry.

const REGISTERED = 'koperasi:registry:cooperative-registered:v1';
const ACTIVITY_CHANGED = 'koperasi:registry:cooperative-activity-changed:v1';
const ACTIVITY_CORRECTED = 'koperasi:registry:cooperative-activity-corrected:v1';
const AMENDED = 'koperasi:registry:cooperative-amended:v1';
const DISSOLVED = 'koperasi:registry:cooperative-dissolved:v1';

/** The contracts this subscriber needs (the exchanges its queue is bound to). */
const CONTRACTS = [REGISTERED, ACTIVITY_CHANGED, ACTIVITY_CORRECTED, AMENDED, DISSOLVED];

/** Keeps of a message only what the table needs (no personal data travels anyway). */
function essentials(contract, m) {
  switch (contract) {
    case REGISTERED:
      return { regencyCode: m.address.regencyCode, decreeDate: m.decreeDate };
    case ACTIVITY_CHANGED:
      return { to: m.to, effectiveOn: m.effectiveOn };
    case ACTIVITY_CORRECTED:
      return { periods: m.periods.map((p) => ({ from: p.from, activity: p.activity })) };
    case AMENDED:
      return { effectiveOn: m.effectiveOn, regencyCode: m.address ? m.address.regencyCode : null };
    case DISSOLVED:
      return { effectiveOn: m.effectiveOn };
    default:
      return null;
  }
}

class Register {
  constructor(state) {
    const s = state || {};
    this.seen = new Set(s.seen || []); // message ids applied: the replay and the live flow overlap
    this.cooperatives = s.cooperatives || {}; // id -> { [streamVersion]: { contract, ...essentials } }
    this.highestSequence = s.highestSequence || 0; // the highest koperasi-sequence applied
    this.replay = s.replay || null; // the replay asked, once
  }

  /** Applies one message once; returns false for a duplicate or a contract it does not keep. */
  apply(messageId, contract, message, sequence) {
    if (this.seen.has(messageId)) {
      return false;
    }
    this.seen.add(messageId);
    if (Number.isFinite(sequence) && sequence > this.highestSequence) {
      this.highestSequence = sequence;
    }
    const kept = essentials(contract, message);
    if (kept === null) {
      return false;
    }
    const stream = this.cooperatives[message.cooperativeId] || (this.cooperatives[message.cooperativeId] = {});
    stream[message.streamVersion] = { contract, ...kept };
    return true;
  }

  /** Where a koperasi stands on `day` (YYYY-MM-DD): { regencyCode, activity }, or null when not counted. */
  static standingOn(stream, day) {
    const versions = Object.keys(stream).map(Number).sort((a, b) => a - b);
    let regencies = []; // [{ from, regencyCode }]
    let activity = []; // [{ from, activity }]
    let dissolvedOn = null;
    for (const v of versions) {
      const e = stream[v];
      switch (e.contract) {
        case REGISTERED:
          regencies = [{ from: e.decreeDate, regencyCode: e.regencyCode }];
          activity = [{ from: e.decreeDate, activity: 'aktif' }];
          break;
        case ACTIVITY_CHANGED:
          // The change holds from its effective date: what was kept from then on is replaced.
          activity = [...activity.filter((p) => p.from < e.effectiveOn), { from: e.effectiveOn, activity: e.to }];
          break;
        case ACTIVITY_CORRECTED:
          // The whole history as now known replaces what was kept.
          activity = e.periods.map((p) => ({ from: p.from, activity: p.activity }));
          break;
        case AMENDED:
          if (e.regencyCode && regencies.length > 0) {
            regencies = [...regencies.filter((p) => p.from < e.effectiveOn), { from: e.effectiveOn, regencyCode: e.regencyCode }];
          }
          break;
        case DISSOLVED:
          dissolvedOn = e.effectiveOn;
          break;
        default:
          break;
      }
    }
    const regency = last(regencies, day);
    const state = last(activity, day);
    if (!regency || !state || (dissolvedOn !== null && dissolvedOn <= day)) {
      return null;
    }
    return { regencyCode: regency.regencyCode, activity: state.activity };
  }

  /** The table for `day`: rows { regencyCode, activity, count } ordered by regency then activity. */
  tableOn(day) {
    const counts = new Map();
    for (const stream of Object.values(this.cooperatives)) {
      const standing = Register.standingOn(stream, day);
      if (standing) {
        const key = `${standing.regencyCode}|${standing.activity}`;
        counts.set(key, (counts.get(key) || 0) + 1);
      }
    }
    return [...counts.entries()]
      .map(([key, count]) => {
        const [regencyCode, activity] = key.split('|');
        return { regencyCode, activity, count };
      })
      .sort((a, b) => (a.regencyCode === b.regencyCode ? cmp(a.activity, b.activity) : cmp(a.regencyCode, b.regencyCode)));
  }

  toJSON() {
    return { seen: [...this.seen], cooperatives: this.cooperatives, highestSequence: this.highestSequence, replay: this.replay };
  }
}

function last(periods, day) {
  let found = null;
  for (const p of periods) {
    if (p.from <= day && (found === null || p.from >= found.from)) {
      found = p;
    }
  }
  return found;
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

module.exports = { Register, CONTRACTS };
