// A picture's credit line ("© Фото : пресс-служба администрации Петрозаводска", "© Photo: Reuters",
// "Foto: © dpa") opens with the same sign as the site's rights line, and sits beside the picture,
// not under the story: RIA's lead photo lost its credit and its caption with it. A credit names the
// picture right after its sign; a site's rights line names a year or the site.

/** "©" (or "Photo ©"), then the word for a photo in the languages of most feeds. */
const PICTURE_CREDIT = /^\s*(?:©\s*)?(?:фото(?:графия)?|photo(?:graph)?s?|foto(?:s|grafia|graf)?|bild|image|zdjęcie|φωτογραφία|φωτο|写真|사진|照片|圖片|图片|ảnh|ภาพ|عکس|صورة|תמונה|fotó|picha)\s*(?:[:：]|©|\bby\b)/iu;
/** The sign alone before it, for the lines that open with "©". */
const RIGHTS_SIGN = /^\s*©\s*\S/u;

/** Whether a short line that opens with "©" credits a picture rather than claiming the site's rights. */
export function isPictureCredit(text: string): boolean {
  return RIGHTS_SIGN.test(text) && PICTURE_CREDIT.test(text);
}
