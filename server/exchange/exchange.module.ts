import type { HttpRoute, RouteRequest, RouteResponse } from '../core/http.js';
import type { HubModule } from '../core/module.js';
import { ImportResolver } from './exchange.resolver.js';
import { activitiesCsv, activitiesXlsx, exportError, templateXlsx } from './export.js';
import { hsdsExport } from './hsds.js';
import { overlapsCsv } from './overlap-export.js';

const route = (path: string, answer: (request: RouteRequest) => Promise<RouteResponse>): HttpRoute => ({
  path,
  handle: (request) => answer(request).catch((error: unknown) => exportError(error, request.language)),
});

/** Activities in and out of the hub as sheets: import from CSV and Excel, export to Excel, CSV and Open Referral. */
export const exchangeModule: HubModule = {
  name: 'exchange',
  resolvers: [ImportResolver],
  routes: [
    route('/export/activities.csv', activitiesCsv),
    route('/export/activities.xlsx', activitiesXlsx),
    route('/export/hsds', hsdsExport),
    route('/export/overlaps.csv', overlapsCsv),
    route('/export/template.xlsx', templateXlsx),
  ],
};
