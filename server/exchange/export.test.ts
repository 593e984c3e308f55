import { describe, expect, test } from 'vitest';
import type { RouteRequest } from '../core/http.js';
import { exportedActivities, exportError, ExportRequestError, filterOf, MAX_EXPORT_ROWS } from './export.js';
import { uuidOf } from './hsds.js';

describe('exports', () => {
  test("the address's filter: ActivityFilter's names or the console's, lists by comma or repetition; an unknown name is refused", () => {
    expect(filterOf(new URLSearchParams('plan=UGxhbjox,UGxhbjoy&group=VGFyZ2V0R3JvdXA6Mw&archived=1&text=lektie'))).toEqual({
      planIds: ['UGxhbjox', 'UGxhbjoy'],
      targetGroupIds: ['VGFyZ2V0R3JvdXA6Mw'],
      includeArchived: true,
      text: 'lektie',
    });
    expect(filterOf(new URLSearchParams('status=RUNNING&status=PLANNED&includeArchived=false'))).toEqual({
      status: ['RUNNING', 'PLANNED'],
      includeArchived: false,
    });
    expect(() => filterOf(new URLSearchParams('plans=x'))).toThrow(ExportRequestError);
  });

  test('an export larger than the cap is refused with the count, before it is built', async () => {
    let pages = 0;
    const request = {
      url: new URL('http://hub/export/activities.csv'),
      execute: async () => {
        pages++;
        return { data: { activities: { totalCount: MAX_EXPORT_ROWS + 1, pageInfo: { hasNextPage: true, endCursor: 'x' }, nodes: [] } } };
      },
    } as unknown as RouteRequest;
    const refused = (await exportedActivities(request, {}).then(
      () => null,
      (error: unknown) => error,
    )) as ExportRequestError;
    expect(refused).toBeInstanceOf(ExportRequestError);
    expect(refused.message).toMatch(new RegExp(`^The filter selects ${MAX_EXPORT_ROWS + 1} activities`));
    expect(JSON.parse(exportError(refused, 'da').body as string).errors[0].message).toMatch(
      new RegExp(`^Filteret finder ${MAX_EXPORT_ROWS + 1} aktiviteter; en eksport rummer højst ${MAX_EXPORT_ROWS}`),
    );
    expect(pages).toBe(1);
  });

  test('Open Referral ids are name-based UUIDs (version 5), the same in every export', () => {
    const id = uuidOf('QWN0aXZpdHk6MQ');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidOf('QWN0aXZpdHk6MQ')).toBe(id);
    expect(uuidOf('QWN0aXZpdHk6Mg')).not.toBe(id);
  });
});
