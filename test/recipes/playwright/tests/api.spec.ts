import { expect, test } from '@playwright/test';

// With several workers these tests run in several processes, each with its own load of the config.
test('answers a GET on the base URL', async ({ request }) => {
  const response = await request.get('/health');
  expect(await response.json()).toEqual({ method: 'GET', path: '/health' });
});

test('answers a POST', async ({ request }) => {
  const response = await request.post('/orders', { data: { item: 'tea' } });
  expect(await response.json()).toEqual({ method: 'POST', path: '/orders' });
});

test('answers a query', async ({ request }) => {
  const response = await request.get('/search?q=port');
  expect(await response.json()).toEqual({ method: 'GET', path: '/search?q=port' });
});
