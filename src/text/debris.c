/* The site-debris lexicon and its matcher. Phrases are folded (lower case,
 * ASCII apostrophe) and written with a mode prefix: "=" the phrase is the
 * whole line (digits and punctuation aside), "^" it starts the line, no
 * prefix anywhere at a word start; a final "*" matches any word ending.
 * Matching indexes phrases by their first two bytes, so a line costs one
 * lookup per word, not one search per phrase. */
#include "debris.h"

#include "../meta/lex.h"

#include <pthread.h>
#include <string.h>

static const struct phrase {
    const char *p;
    uint16_t cat;
} lexicon[] = {
    /* Copyright, reprint and licence lines. */
    {"\xC2\xA9", C_STRONG}, /* © */
    {"all rights reserved", C_STRONG},
    {"всі права захищені", C_STRONG},
    {"усі права захищені", C_STRONG},
    {"все права защищены", C_STRONG},
    {"copyright", C_WEAK},
    {"written permission", C_STRONG},
    {"active hyperlink", C_STRONG},
    {"hyperlink", C_WEAK},
    {"reprint*", C_WEAK},
    {"republish*", C_WEAK},
    {"гіперпосилання", C_STRONG},
    {"гиперссылк*", C_STRONG},
    {"передрук*", C_WEAK},
    {"перепечат*", C_WEAK},
    {"при використанні матеріалів", C_STRONG},
    {"при використанні будь-яких матеріалів", C_STRONG},
    {"при цитуванні", C_STRONG},
    {"при использовании материалов", C_STRONG},
    {"при цитировании", C_STRONG},
    {"when referencing our materials", C_STRONG},
    {"purchase licensing rights", C_STRONG},
    {"opens new tab", C_STRONG},
    /* Donation and membership appeals. */
    {"become a patron", C_STRONG},
    {"become our patron", C_STRONG},
    {"patreon", C_STRONG},
    {"buy me a coffee", C_STRONG},
    {"cup of coffee", C_WEAK},
    {"join our community", C_STRONG},
    {"support us", C_WEAK},
    {"support our", C_WEAK},
    {"donate", C_WEAK},
    {"donation*", C_WEAK},
    {"become a member", C_WEAK},
    {"becoming a member", C_WEAK},
    {"support our work", C_WEAK},
    {"supporting our work", C_WEAK},
    {"support independent journalism", C_WEAK},
    {"support independent media", C_WEAK},
    {"our reporting", C_WEAK},
    {"readers like you", C_WEAK},
    {"=note from the author", C_WEAK},
    {"підтримати нашу роботу", C_WEAK},
    {"підтримайте нашу роботу", C_WEAK},
    {"поддержать нашу работу", C_WEAK},
    {"поддержите нашу работу", C_WEAK},
    {"стати патроном", C_STRONG},
    {"станьте патроном", C_STRONG},
    {"станьте нашим патроном", C_STRONG},
    {"підтримайте*", C_WEAK},
    {"підтримати нас", C_STRONG},
    {"поддержите*", C_WEAK},
    {"поддержать нас", C_STRONG},
    {"донат*", C_WEAK},
    /* Ad blockers, cookies, privacy. */
    {"ad blocker*", C_STRONG},
    {"ad-blocker*", C_STRONG},
    {"adblock*", C_STRONG},
    {"блокувальник реклами", C_STRONG},
    {"блокувальник*", C_WEAK},
    {"блокировщик рекламы", C_STRONG},
    {"блокировщик*", C_WEAK},
    {"cookie policy", C_STRONG},
    {"cookie policies", C_STRONG},
    {"privacy policy", C_STRONG},
    {"privacy and cookie*", C_STRONG},
    {"cookie*", C_WEAK},
    {"terms of use", C_WEAK},
    {"terms of service", C_WEAK},
    {"політика конфіденційності", C_STRONG},
    {"политика конфиденциальности", C_STRONG},
    {"файли cookie", C_STRONG},
    {"файлы cookie", C_STRONG},
    /* Corrections, subscriptions, follow and share rows. */
    {"suggest a correction", C_STRONG},
    {"ctrl + enter", C_STRONG},
    {"ctrl+enter", C_STRONG},
    {"ctrl enter", C_STRONG},
    {"leave your suggestions", C_STRONG},
    {"write to us", C_WEAK},
    {"highlight the text", C_WEAK},
    {"помилку в тексті", C_WEAK},
    {"ошибку в тексте", C_WEAK},
    {"виділіть*", C_WEAK},
    {"выделите*", C_WEAK},
    {"subscribe*", C_WEAK},
    {"sign up for", C_WEAK},
    {"newsletter*", C_WEAK},
    {"follow us", C_WEAK},
    {"join us on", C_WEAK},
    {"download our app", C_WEAK},
    {"our telegram", C_WEAK},
    {"підписуйтесь", C_WEAK},
    {"підпишіться", C_WEAK},
    {"подписывайтесь", C_WEAK},
    {"подпишитесь", C_WEAK},
    {"стежте за нами", C_WEAK},
    {"слідкуйте за нами", C_WEAK},
    {"следите за нами", C_WEAK},
    {"приєднуйтесь", C_WEAK},
    {"присоединяйтесь", C_WEAK},
    {"наш telegram", C_WEAK},
    {"наш телеграм*", C_WEAK},
    {"нашому telegram", C_WEAK},
    {"нашем telegram", C_WEAK},
    {"supported by", C_WEAK},
    {"за підтримки", C_WEAK},
    {"при поддержке", C_WEAK},
    {"=share", C_WEAK},
    {"^share this", C_WEAK},
    {"^share on", C_WEAK},
    {"=поділитися", C_WEAK},
    {"^поділитися", C_WEAK},
    {"^поделиться", C_WEAK},
    {"=print", C_NAV},
    {"=друк", C_NAV},
    {"=печать", C_NAV},
    /* Where the article is over. */
    {"=comments", C_BARRIER},
    {"=comment", C_BARRIER},
    {"=коментарі", C_BARRIER},
    {"=коментарів", C_BARRIER},
    {"=коментар", C_BARRIER},
    {"=комментарии", C_BARRIER},
    {"=комментариев", C_BARRIER},
    {"=комментарий", C_BARRIER},
    {"^leave a comment", C_BARRIER},
    {"^add a comment", C_BARRIER},
    {"^залишити коментар", C_BARRIER},
    {"^оставить комментарий", C_BARRIER},
    {"=related posts", C_BARRIER},
    {"=related articles", C_BARRIER},
    {"=related news", C_BARRIER},
    {"=related stories", C_BARRIER},
    {"=more news", C_BARRIER},
    {"=more stories", C_BARRIER},
    {"=recent news", C_BARRIER},
    {"=recent posts", C_BARRIER},
    {"=latest news", C_BARRIER},
    {"=latest", C_BARRIER},
    {"=most read", C_BARRIER},
    {"=most popular", C_BARRIER},
    {"=popular", C_BARRIER},
    {"=all news", C_BARRIER},
    {"=top stories", C_BARRIER},
    {"=you may also like", C_BARRIER},
    {"=you might also like", C_BARRIER},
    {"=news feed", C_BARRIER},
    {"=останні новини", C_BARRIER},
    {"=всі новини", C_BARRIER},
    {"=усі новини", C_BARRIER},
    {"=популярне", C_BARRIER},
    {"=найпопулярніше", C_BARRIER},
    {"=стрічка новин", C_BARRIER},
    {"=головні новини", C_BARRIER},
    {"=последние новости", C_BARRIER},
    {"=все новости", C_BARRIER},
    {"=популярное", C_BARRIER},
    {"=самое читаемое", C_BARRIER},
    {"=лента новостей", C_BARRIER},
    {"=главные новости", C_BARRIER},
    /* Ad slots. */
    {"=advertisement", C_AD},
    {"=advertising", C_AD},
    {"=sponsored", C_AD},
    {"=ad", C_AD},
    {"=реклама", C_AD},
    {"story continues below*", C_AD},
    {"article continues below*", C_AD},
    {"продовження після реклами", C_AD},
    {"продолжение после рекламы", C_AD},
    /* Labels that head a paragraph or stand alone before one. */
    {"^details:", C_LABEL},
    {"=details", C_LABEL},
    {"^background:", C_LABEL},
    {"=background", C_LABEL},
    {"^quote:", C_LABEL},
    {"=quote", C_LABEL},
    {"^source:", C_LABEL},
    {"^sources:", C_LABEL},
    {"^context:", C_LABEL},
    {"=context", C_LABEL},
    {"^update:", C_LABEL},
    {"^reminder:", C_LABEL},
    {"=reminder", C_LABEL},
    {"^editor's note:", C_LABEL},
    {"^for reference:", C_LABEL},
    {"=for reference", C_LABEL},
    {"^what is known:", C_LABEL},
    {"^деталі:", C_LABEL},
    {"=деталі", C_LABEL},
    {"^подробиці:", C_LABEL},
    {"=подробиці", C_LABEL},
    {"^подробности:", C_LABEL},
    {"=подробности", C_LABEL},
    {"^довідка:", C_LABEL},
    {"=довідка", C_LABEL},
    {"^справка:", C_LABEL},
    {"=справка", C_LABEL},
    {"^контекст:", C_LABEL},
    {"=контекст", C_LABEL},
    {"^цитата:", C_LABEL},
    {"=цитата", C_LABEL},
    {"^джерело:", C_LABEL},
    {"^источник:", C_LABEL},
    {"^передісторія:", C_LABEL},
    {"=передісторія", C_LABEL},
    {"^предыстория:", C_LABEL},
    {"=предыстория", C_LABEL},
    {"^що відомо:", C_LABEL},
    {"^что известно:", C_LABEL},
    {"^нагадаємо:", C_LABEL},
    {"^напомним:", C_LABEL},
    /* Related-news markers. */
    {"^read also", C_RELATED},
    {"^also read", C_RELATED},
    {"^read more", C_RELATED},
    {"^see also", C_RELATED},
    {"^related:", C_RELATED},
    {"=related", C_RELATED},
    {"^more on this", C_RELATED},
    {"^more from", C_RELATED},
    {"^also on", C_RELATED},
    {"^ще на цю тему", C_RELATED},
    {"^еще по теме", C_RELATED},
    {"^recommended", C_RELATED},
    {"^читайте також", C_RELATED},
    {"^також читайте", C_RELATED},
    {"^читайте також:", C_RELATED},
    {"^дивіться також", C_RELATED},
    {"^по темі", C_RELATED},
    {"^більше новин", C_RELATED},
    {"^рекомендуємо", C_RELATED},
    {"^читайте также", C_RELATED},
    {"^также читайте", C_RELATED},
    {"^смотрите также", C_RELATED},
    {"^по теме", C_RELATED},
    {"^больше новостей", C_RELATED},
    {"^рекомендуем", C_RELATED},
    /* Captions and credits. */
    {"photo:", C_CAPTION},
    {"photos:", C_CAPTION},
    {"photo by", C_CAPTION},
    {"photo via", C_CAPTION},
    {"photo credit", C_CAPTION},
    {"stock photo", C_CAPTION},
    {"illustrative photo", C_CAPTION},
    {"illustrative image", C_CAPTION},
    {"getty images", C_CAPTION},
    {"image:", C_CAPTION},
    {"screenshot", C_CAPTION},
    {"file photo", C_CAPTION},
    {"^video:", C_CAPTION},
    {"фото:", C_CAPTION},
    {"фото ілюстративне", C_CAPTION},
    {"ілюстративне фото", C_CAPTION},
    {"иллюстративное фото", C_CAPTION},
    {"фото иллюстративное", C_CAPTION},
    {"фото з відкритих джерел", C_CAPTION},
    {"фото из открытых источников", C_CAPTION},
    {"скриншот", C_CAPTION},
    {"^відео:", C_CAPTION},
    {"^видео:", C_CAPTION},
    /* Navigation items alone on a line. */
    {"=skip to content", C_NAV},
    {"=skip to main content", C_NAV},
    {"=перейти до змісту", C_NAV},
    {"=перейти к содержанию", C_NAV},
    {"=all sections", C_NAV},
    {"=sections", C_NAV},
    {"=menu", C_NAV},
    {"=search", C_NAV},
    {"=home", C_NAV},
    {"=news", C_NAV},
    {"=log in", C_NAV},
    {"=login", C_NAV},
    {"=sign in", C_NAV},
    {"=register", C_NAV},
    {"=back to top", C_NAV},
    {"=load more", C_NAV},
    {"=show more", C_NAV},
    {"=next", C_NAV},
    {"=previous", C_NAV},
    {"=головна", C_NAV},
    {"=новини", C_NAV},
    {"=пошук", C_NAV},
    {"=меню", C_NAV},
    {"=показати ще", C_NAV},
    {"=главная", C_NAV},
    {"=новости", C_NAV},
    {"=поиск", C_NAV},
    {"=показать еще", C_NAV},
    {"=показать ещё", C_NAV},
    /* Language switchers: names and codes of languages. */
    {"eng", C_LANG},
    {"en", C_LANG},
    {"english", C_LANG},
    {"ua", C_LANG},
    {"ukr", C_LANG},
    {"rus", C_LANG},
    {"ru", C_LANG},
    {"укр", C_LANG},
    {"рус", C_LANG},
    {"eng.", C_LANG},
    {"укр.", C_LANG},
    {"рус.", C_LANG},
    {"українська", C_LANG},
    {"українською", C_LANG},
    {"русский", C_LANG},
    {"русская", C_LANG},
    {"російською", C_LANG},
    {"deutsch", C_LANG},
    {"français", C_LANG},
    {"polski", C_LANG},
    {"español", C_LANG},
    /* Social networks (share and follow rows). */
    {"facebook", C_SOCIAL},
    {"twitter", C_SOCIAL},
    {"telegram", C_SOCIAL},
    {"instagram", C_SOCIAL},
    {"youtube", C_SOCIAL},
    {"tiktok", C_SOCIAL},
    {"linkedin", C_SOCIAL},
    {"whatsapp", C_SOCIAL},
    {"viber", C_SOCIAL},
    {"threads", C_SOCIAL},
    {"mastodon", C_SOCIAL},
    {"bluesky", C_SOCIAL},
    {"email", C_SOCIAL},
    {"e-mail", C_SOCIAL},
    {"вконтакте", C_SOCIAL},
    {"google news", C_SOCIAL | C_WEAK},
    {"дзен", C_SOCIAL},
    {"телеграм", C_SOCIAL},
    /* Pronouns of appeals ("Follow us", "your ad blocker"). */
    {"us", C_APPEAL},
    {"our", C_APPEAL},
    {"you", C_APPEAL},
    {"your", C_APPEAL},
    {"нас", C_APPEAL},
    {"наш*", C_APPEAL},
    {"вас", C_APPEAL},
    {"ваш*", C_APPEAL},
    {"ви", C_APPEAL},
    {"вы", C_APPEAL},
    /* Tag lines. */
    {"^tags:", C_TAGS},
    {"^tags", C_TAGS},
    {"=теги", C_TAGS},
    {"=теґи", C_TAGS},
    {"^suggested topics", C_TAGS},
    {"^topics:", C_TAGS},
    {"^теги:", C_TAGS},
    {"^теґи:", C_TAGS},
    {"^мітки:", C_TAGS},
    {"^метки:", C_TAGS},
    {"^теми:", C_TAGS},
    {"^темы:", C_TAGS},
    /* Counters after a number. */
    {"views", C_COUNTER},
    {"view", C_COUNTER},
    {"reads", C_COUNTER},
    {"переглядів", C_COUNTER},
    {"перегляди", C_COUNTER},
    {"перегляд", C_COUNTER},
    {"переглядів:", C_COUNTER},
    {"прочитань", C_COUNTER},
    {"просмотров", C_COUNTER},
    {"просмотра", C_COUNTER},
    {"просмотр", C_COUNTER},
    {"прочтений", C_COUNTER},
    /* Words that announce a date. */
    {"^date", C_DATEWORD},
    {"^published", C_DATEWORD},
    {"^posted", C_DATEWORD},
    {"^updated", C_DATEWORD | C_UPDATED},
    {"^last updated", C_DATEWORD | C_UPDATED},
    {"^modified", C_DATEWORD | C_UPDATED},
    {"^дата", C_DATEWORD},
    {"^опубліковано", C_DATEWORD},
    {"^оновлено", C_DATEWORD | C_UPDATED},
    {"^опубликовано", C_DATEWORD},
    {"^обновлено", C_DATEWORD | C_UPDATED},
};

enum { MODE_ANY, MODE_START, MODE_LINE };

#define BUCKETS 512

static struct {
    uint16_t head[BUCKETS]; /* 1-based index into entries, 0 = none */
    uint16_t next[WS_COUNT(lexicon)];
    struct entry {
        const char *p; /* without mode prefix and final '*' */
        uint8_t len;
        uint8_t mode;
        bool prefix;
        uint16_t cat;
    } e[WS_COUNT(lexicon)];
} idx;

static pthread_once_t idx_once = PTHREAD_ONCE_INIT;

static unsigned bucket(const unsigned char *p)
{
    return ((unsigned)p[0] * 31u + p[1]) % BUCKETS;
}

static void build(void)
{
    for (size_t i = 0; i < WS_COUNT(lexicon); i++) {
        const char *p = lexicon[i].p;
        struct entry *e = &idx.e[i];
        e->mode = MODE_ANY;
        if (*p == '=' || *p == '^') {
            e->mode = *p == '=' ? MODE_LINE : MODE_START;
            p++;
        }
        size_t len = strlen(p);
        e->prefix = len > 0 && p[len - 1] == '*';
        e->len = (uint8_t)(len - e->prefix);
        e->p = p;
        e->cat = lexicon[i].cat;
        unsigned b = bucket((const unsigned char *)p);
        idx.next[i] = idx.head[b];
        idx.head[b] = (uint16_t)(i + 1);
    }
}

static bool alnum_at(const char *f, size_t n, size_t i)
{
    if (i >= n)
        return false;
    uint32_t cp;
    ws_utf8_decode(f + i, n - i, &cp);
    return ws_lex_is_letter(cp) ||
           (cp < 0x80 && ws_is_digit((unsigned char)cp));
}

/* True when f[a..b) holds no letter: digits, spaces and punctuation only
 * ("Comments (12)", "5 comments", "Advertisement:"). */
static bool no_letters(const char *f, size_t a, size_t b)
{
    while (a < b) {
        uint32_t cp;
        size_t k = ws_utf8_decode(f + a, b - a, &cp);
        if (ws_lex_is_letter(cp))
            return false;
        a += k;
    }
    return true;
}

/* A counter word counts next to a number only: "518 views",
 * "Переглядів: 1 284". */
static bool number_near(const char *f, size_t n, size_t i, size_t end)
{
    while (i > 0 && f[i - 1] == ' ')
        i--;
    if (i > 0 && ws_is_digit((unsigned char)f[i - 1]))
        return true;
    while (end < n && (f[end] == ' ' || f[end] == ':'))
        end++;
    return end < n && ws_is_digit((unsigned char)f[end]);
}

void ws_debris_match(const char *f, size_t n, debris_hits *h)
{
    pthread_once(&idx_once, build);
    memset(h, 0, sizeof *h);
    bool prev_alnum = false;
    uint16_t seen_e[16];
    size_t n_seen = 0;
    for (size_t i = 0; i + 1 < n;) {
        uint32_t cp;
        size_t k = ws_utf8_decode(f + i, n - i, &cp);
        bool alnum = ws_lex_is_letter(cp) ||
                     (cp < 0x80 && ws_is_digit((unsigned char)cp));
        if (!prev_alnum && cp != ' ') {
            unsigned b = bucket((const unsigned char *)f + i);
            for (uint16_t e1 = idx.head[b]; e1; e1 = idx.next[e1 - 1]) {
                const struct entry *e = &idx.e[e1 - 1];
                size_t end = i + e->len;
                if (end > n || memcmp(f + i, e->p, e->len) != 0)
                    continue;
                /* A phrase ending in a letter must end a word. */
                if (!e->prefix && alnum_at(f, n, end - 1) &&
                    alnum_at(f, n, end))
                    continue;
                if (e->mode == MODE_START && i != 0)
                    continue;
                if (e->mode == MODE_LINE &&
                    (!no_letters(f, 0, i) || !no_letters(f, end, n)))
                    continue;
                if ((e->cat & C_COUNTER) && !number_near(f, n, i, end))
                    continue;
                h->cats |= e->cat;
                if (e->cat & (C_STRONG | C_WEAK)) {
                    /* Distinct phrases: "donations" twice in a story
                     * about campaign money is one. */
                    bool again = false;
                    for (size_t k2 = 0; k2 < n_seen; k2++)
                        again |= seen_e[k2] == e1;
                    if (!again) {
                        h->n++;
                        if (n_seen < WS_COUNT(seen_e))
                            seen_e[n_seen++] = e1;
                    }
                    h->phrase_at_start |= i == 0;
                }
                if (e->cat & C_LANG)
                    h->n_lang++;
                if (e->cat & C_SOCIAL)
                    h->n_social++;
                if ((e->cat & (C_LABEL | C_RELATED)) && e->mode == MODE_LINE)
                    h->label_len = (uint16_t)WS_MIN(n, (size_t)UINT16_MAX);
                if ((e->cat & (C_LABEL | C_RELATED | C_DATEWORD)) &&
                    e->mode == MODE_START && end > h->label_len) {
                    size_t j = end;
                    while (j < n && (f[j] == ':' || f[j] == ' '))
                        j++;
                    h->label_len = (uint16_t)WS_MIN(j, (size_t)UINT16_MAX);
                }
            }
        }
        prev_alnum = alnum;
        i += k;
    }
}
