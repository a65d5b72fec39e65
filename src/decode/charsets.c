/* The charsets decode knows, by canonical name and by the labels pages and
 * servers use for them (the WHATWG Encoding list, trimmed to what news in
 * our languages and common crawls carry). Single-byte charsets use our own
 * tables; multi-byte East Asian ones go through iconv, only so that such
 * pages in a crawl decode instead of turning into mojibake. */
#include "charset.h"

#include <string.h>

static const ws_charset charsets[] = {
    {"utf-8", WS_CS_UTF8, NULL, NULL,
     "utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8"},
    {"utf-16le", WS_CS_UTF16LE, NULL, NULL,
     "utf-16 utf16 utf16le unicode ucs-2 csunicode iso-10646-ucs-2 "
     "unicodefeff"},
    {"utf-16be", WS_CS_UTF16BE, NULL, NULL, "utf16be unicodefffe"},
    /* Servers send "us-ascii" for pages that are anything but; browsers
     * read it as windows-1252, and so do we when it is the only word. */
    {"us-ascii", WS_CS_ASCII, ws_cs_windows_1252, NULL,
     "ascii ansi_x3.4-1968 iso-ir-6 iso646-us us cp367 ibm367 csascii"},
    {"windows-1251", WS_CS_SBCS, ws_cs_windows_1251, NULL,
     "cp1251 win-1251 x-cp1251 win1251 windows1251 cp-1251 ms-cyrl"},
    {"koi8-r", WS_CS_SBCS, ws_cs_koi8_r, NULL, "koi8r koi8_r koi8 koi cskoi8r"},
    {"koi8-u", WS_CS_SBCS, ws_cs_koi8_u, NULL, "koi8u koi8_u koi8-ru"},
    {"iso-8859-5", WS_CS_SBCS, ws_cs_iso_8859_5, NULL,
     "iso8859-5 iso_8859-5 iso88595 iso_8859-5:1988 cyrillic iso-ir-144 "
     "csisolatincyrillic"},
    {"ibm866", WS_CS_SBCS, ws_cs_ibm866, NULL, "cp866 866 csibm866"},
    {"x-mac-cyrillic", WS_CS_SBCS, ws_cs_x_mac_cyrillic, NULL,
     "x-mac-ukrainian mac-cyrillic maccyrillic"},
    {"windows-1252", WS_CS_SBCS, ws_cs_windows_1252, NULL,
     "cp1252 win-1252 x-cp1252 win1252 windows1252"},
    /* iso-8859-1 as windows-1252, like browsers: pages labelled latin1
     * use the 0x80..0x9F quotes and dashes far more often than C1 codes. */
    {"iso-8859-1", WS_CS_SBCS, ws_cs_windows_1252, NULL,
     "iso8859-1 iso_8859-1 iso88591 iso_8859-1:1987 latin1 latin-1 l1 "
     "iso-ir-100 cp819 ibm819 csisolatin1"},
    {"iso-8859-2", WS_CS_SBCS, ws_cs_iso_8859_2, NULL,
     "iso8859-2 iso_8859-2 iso88592 iso_8859-2:1987 latin2 latin-2 l2 "
     "iso-ir-101 csisolatin2"},
    {"windows-1250", WS_CS_SBCS, ws_cs_windows_1250, NULL,
     "cp1250 win-1250 x-cp1250 win1250 windows1250"},
    {"iso-8859-15", WS_CS_SBCS, ws_cs_iso_8859_15, NULL,
     "iso8859-15 iso_8859-15 iso885915 latin9 latin-9 l9 csisolatin9"},
    {"gbk", WS_CS_ICONV, NULL, "GBK",
     "gb2312 gb_2312 gb_2312-80 chinese csgb2312 csiso58gb231280 x-gbk "
     "cp936 ms936 windows-936 iso-ir-58"},
    {"gb18030", WS_CS_ICONV, NULL, "GB18030", ""},
    {"big5", WS_CS_ICONV, NULL, "BIG5-HKSCS",
     "big5-hkscs cn-big5 x-x-big5 csbig5"},
    {"shift_jis", WS_CS_ICONV, NULL, "CP932",
     "shift-jis sjis x-sjis ms_kanji csshiftjis windows-31j ms932 cp932"},
    {"euc-jp", WS_CS_ICONV, NULL, "EUC-JP", "x-euc-jp cseucpkdfmtjapanese"},
    {"iso-2022-jp", WS_CS_ICONV, NULL, "ISO-2022-JP", "csiso2022jp"},
    {"euc-kr", WS_CS_ICONV, NULL, "CP949",
     "ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 korean cp949 "
     "windows-949 iso-ir-149 csksc56011987"},
    {"windows-1253", WS_CS_ICONV, NULL, "CP1253", "cp1253 x-cp1253"},
    {"windows-1254", WS_CS_ICONV, NULL, "CP1254",
     "cp1254 x-cp1254 iso-8859-9 iso8859-9 iso_8859-9 latin5 l5"},
    {"windows-1257", WS_CS_ICONV, NULL, "CP1257", "cp1257 x-cp1257"},
    {"iso-8859-7", WS_CS_ICONV, NULL, "ISO-8859-7",
     "iso8859-7 iso_8859-7 greek greek8 elot_928 csisolatingreek"},
    {"iso-8859-13", WS_CS_ICONV, NULL, "ISO-8859-13",
     "iso8859-13 iso_8859-13 iso885913"},
    {"windows-874", WS_CS_ICONV, NULL, "CP874",
     "tis-620 iso-8859-11 iso8859-11 dos-874"},
};

/* True when the space-separated list holds word (n bytes, lower case). */
static bool list_has(const char *list, const char *word, size_t n)
{
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && memcmp(p, word, n) == 0)
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}

const ws_charset *ws_charset_lookup(const char *label, size_t n)
{
    if (!label)
        return NULL;
    /* Labels come from attributes and headers: charset="UTF-8 ",
     * charset='cp1251'. */
    while (n && (ws_is_space((unsigned char)*label) || *label == '"' ||
                 *label == '\''))
        label++, n--;
    while (n && (ws_is_space((unsigned char)label[n - 1]) ||
                 label[n - 1] == '"' || label[n - 1] == '\''))
        n--;
    char low[40];
    if (n == 0 || n >= sizeof low)
        return NULL;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)ws_lower((unsigned char)label[i]);
    low[n] = '\0';
    for (size_t i = 0; i < WS_COUNT(charsets); i++) {
        const ws_charset *cs = &charsets[i];
        if ((strlen(cs->name) == n && memcmp(cs->name, low, n) == 0) ||
            list_has(cs->aliases, low, n))
            return cs;
    }
    return NULL;
}

const ws_charset *ws_charset_get(const char *name)
{
    for (size_t i = 0; i < WS_COUNT(charsets); i++)
        if (strcmp(charsets[i].name, name) == 0)
            return &charsets[i];
    return NULL;
}

const char *ws_charset_canonical(const char *label, size_t n)
{
    const ws_charset *cs = ws_charset_lookup(label, n);
    return cs ? cs->name : NULL;
}
