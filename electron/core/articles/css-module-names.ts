// A class name as CSS Modules write it, the default of Next.js and of many React sites: the
// component's file, the name its author gave, and a hash of five letters or digits
// ("Article_kicker__s3T4u", "Article_intro__y7Z8a"). Rules that read a part by its name (a
// kicker, a standfirst) read the name without the hash; a BEM element ("article__kicker") has no
// hash, and stays as written.
const UNDERSCORE = 95;
const MODULE_HASH = /__(?=[\w-]{0,4}[A-Z0-9])[\w-]{5}$/;

/** The class name without the hash CSS Modules append to it. */
export function withoutModuleHash(name: string): string {
  // Asked of every class of every element: most have no "__" six letters from their end.
  const at = name.length - 7;
  return at > 0 && name.charCodeAt(at) === UNDERSCORE && name.charCodeAt(at + 1) === UNDERSCORE ? name.replace(MODULE_HASH, '') : name;
}
