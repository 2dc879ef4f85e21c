// The container handle the seeding and live-sync libraries stream through (exec sessions, tar
// archives in and out). It is made by Runtime.handle(id) and opened only inside runtime/
// (docker/handle.ts), so nothing above runtime/ names the engine client's types. Only the id is
// readable from outside: it is what the libraries show in messages and hand to a seed command.
export interface ContainerHandle {
  readonly id: string;
}
