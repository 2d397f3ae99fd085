'use strict';
// node --test: the register's rules on business dates, without a broker.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Register } = require('../register.js');

const id = '0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c';
const registered = { cooperativeId: id, streamVersion: 1, decreeDate: '2018-08-14', address: { regencyCode: '1571' } };
const table = (register, day) => register.tableOn(day).map((r) => `${r.regencyCode}|${r.activity}|${r.count}`);

test('a koperasi counts from its decree date, in its regency, aktif', () => {
  const register = new Register();
  register.apply('m1', 'koperasi:registry:cooperative-registered:v1', registered, 10);
  assert.deepEqual(table(register, '2018-08-13'), []);
  assert.deepEqual(table(register, '2018-08-14'), ['1571|aktif|1']);
});

test('a change holds from its effective date; a correction replaces the history; messages in any order, once', () => {
  const register = new Register();
  // The live flow delivered the change before the replay delivered the registration.
  register.apply('m2', 'koperasi:registry:cooperative-activity-changed:v1', { cooperativeId: id, streamVersion: 2, to: 'tidak-aktif', effectiveOn: '2021-07-01' }, 11);
  register.apply('m1', 'koperasi:registry:cooperative-registered:v1', registered, 10);
  assert.deepEqual(table(register, '2021-07-01'), ['1571|tidak-aktif|1']);
  const corrected = { cooperativeId: id, streamVersion: 3, periods: [{ from: '2018-08-14', to: '2023-07-01', activity: 'aktif' }, { from: '2023-07-01', to: null, activity: 'tidak-aktif' }] };
  assert.equal(register.apply('m3', 'koperasi:registry:cooperative-activity-corrected:v1', corrected, 12), true);
  assert.equal(register.apply('m3', 'koperasi:registry:cooperative-activity-corrected:v1', corrected, 12), false);
  assert.deepEqual(table(register, '2022-01-01'), ['1571|aktif|1']);
  assert.deepEqual(table(register, '2023-07-01'), ['1571|tidak-aktif|1']);
  assert.equal(register.highestSequence, 12);
});

test('an amendment moves the regency from its effective date; a dissolution ends the count', () => {
  const register = new Register();
  register.apply('m1', 'koperasi:registry:cooperative-registered:v1', registered, 10);
  register.apply('m2', 'koperasi:registry:cooperative-amended:v1', { cooperativeId: id, streamVersion: 2, effectiveOn: '2020-01-01', address: { regencyCode: '1502' } }, 11);
  register.apply('m3', 'koperasi:registry:cooperative-dissolved:v1', { cooperativeId: id, streamVersion: 3, effectiveOn: '2025-04-01' }, 12);
  assert.deepEqual(table(register, '2019-12-31'), ['1571|aktif|1']);
  assert.deepEqual(table(register, '2025-03-31'), ['1502|aktif|1']);
  assert.deepEqual(table(register, '2025-04-01'), []);
});

test('the state survives a restart', () => {
  const register = new Register();
  register.apply('m1', 'koperasi:registry:cooperative-registered:v1', registered, 10);
  const again = new Register(JSON.parse(JSON.stringify(register)));
  assert.equal(again.apply('m1', 'koperasi:registry:cooperative-registered:v1', registered, 10), false);
  assert.deepEqual(table(again, '2020-01-01'), ['1571|aktif|1']);
});
