// repository + tag → an image reference. Mirrors the "foxdev.image" helper in the Helm chart's
// _helpers.tpl: an empty tag means the repository already says everything (or carries a digest).
export function imageRef(image: { repository: string; tag: string }): string {
  return image.tag ? `${image.repository}:${image.tag}` : image.repository;
}
