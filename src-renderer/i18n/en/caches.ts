/** The protocols' cache tables in the inspector (protocols/dns, protocols/http). */
export const caches = {
  heading: 'Cache of {node} at {time} ms',
  seconds: '{value} s',
  dns: {
    empty: 'Empty: every lookup now goes out to the servers.',
    name: 'Name',
    type: 'Type',
    data: 'Data',
    ttlLeft: 'TTL left',
  },
  http: {
    empty: 'Empty: every request goes to the origin.',
    object: 'Object',
    bytes: 'Bytes',
    age: 'Age',
    freshness: 'Freshness',
    stale: 'stale: validate',
    freshFor: 'fresh, {seconds} s left',
    freshUnderASecond: 'fresh, under 1 s left',
  },
};
