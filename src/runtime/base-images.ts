// Tags built offline by scripts/images.sh; the example and the tests run on these.
export const BASE_IMAGES = ['foxdev/busybox:1', 'foxdev/bookworm:12', 'foxdev/node:20', 'foxdev/postgres:15', 'foxdev/python:3.11'];
