// graphql-ws publishes its ws server under the `graphql-ws/use/ws` export, which this project's `node10` module
// resolution does not read (Node's require does): its types, from where node10 finds them.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws.cjs';
}
