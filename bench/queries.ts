// The questions bench:compare asks of the hub and of PostGraphile; test/planned-reads.test.ts asks the hub's of both read paths.
export interface Compared {
  label: string;
  hub: string;
  postgraphile: string | null;
  why?: string;
}
// The hub's questions (q1-q4 as in bench:read) and PostGraphile's way to ask for the same values.
export const QUERIES: Record<string, Compared> = {
  q1: {
    label: 'plans > areas, lead, activities(10) > groups, method',
    hub: '{ plans(first: 20) { nodes { name areas { name } lead { name } activities(first: 10) { nodes { title targetGroups { name } method { name } } } } } }',
    postgraphile: `{ allPlans(first: 20, orderBy: [CODE_ASC, PRIMARY_KEY_ASC]) { nodes { name planAreasByPlanId { nodes { areaByAreaId { name } } } personByLeadId { name }
      activitiesByPlanId(first: 10, condition: { archived: false }, orderBy: PRIMARY_KEY_ASC) { nodes { title
        activityTargetGroupsByActivityId { nodes { targetGroupByTargetGroupId { name } } } methodByMethodId { name } } } } } }`,
  },
  q2: {
    label: 'activities(50) > plan, areas, groups, themes',
    hub: '{ activities(first: 50) { totalCount nodes { title plan { name } areas { name } targetGroups { name } themes { name } } } }',
    postgraphile: `{ allActivities(first: 50, condition: { archived: false }, orderBy: PRIMARY_KEY_ASC) { totalCount nodes { title planByPlanId { name }
      activityAreasByActivityId { nodes { areaByAreaId { name } } } activityTargetGroupsByActivityId { nodes { targetGroupByTargetGroupId { name } } }
      activityThemesByActivityId { nodes { themeByThemeId { name } } } } } }`,
  },
  q3: {
    label: 'plan(code) > steering group, meetings, indicators',
    hub: '{ plan(code: "VOL-OEST") { name steeringGroup { members { role person { name } } meetings { date actionItems { description } } } indicators { name progress } } }',
    postgraphile: `{ planByCode(code: "VOL-OEST") { name steeringGroupByPlanId { steeringGroupMembersBySteeringGroupId { nodes { role personByPersonId { name } } }
      meetingsBySteeringGroupId { nodes { date actionItemsByMeetingId { nodes { description } } } } } indicatorsByPlanId { nodes { name progress } } } }`,
  },
  q4: {
    label: 'methods > activities(5), experiences(3)',
    hub: '{ methods { name activities(first: 5) { totalCount nodes { title } } experiences(first: 3) { nodes { title } } } }',
    postgraphile: `{ allMethods(orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { name activitiesByMethodId(first: 5, condition: { archived: false }, orderBy: PRIMARY_KEY_ASC) { totalCount nodes { title } }
      experiencesByMethodId(first: 3, orderBy: PRIMARY_KEY_DESC) { nodes { title } } } } }`,
  },
  q5: {
    label: "console: the overlap board's pairs (50, side by side)",
    hub: `{ overlaps(first: 50) { nodes { score activities { title plan { name } areas { name } schedule { weekday startTime endTime } contact { name email phone } } } } }`,
    postgraphile: `{ boardPairs(first: 50) { nodes { score
      activityByActivityAId { title planByPlanId { name } activityAreasByActivityId { nodes { areaByAreaId { name } } } schedule personByContactId { name email phone } }
      activityByActivityBId { title planByPlanId { name } activityAreasByActivityId { nodes { areaByAreaId { name } } } schedule personByContactId { name email phone } } } } }`,
  },
  q6: {
    label: 'newsletter: highlights of a month',
    hub: '{ highlights(since: "2026-10-23T00:00:00Z", until: "2026-11-23T00:00:00Z", first: 50) { kind title summary occurredAt score subject { id __typename } } }',
    postgraphile: null,
    why: "the ranking (kind weight x recency x reach, redaction) is the hub's own; PostGraphile has no equivalent without rewriting it in SQL",
  },
};
