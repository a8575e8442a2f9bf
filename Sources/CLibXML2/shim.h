#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU. With LIBXML_ICU_ENABLED defined, libxml's headers pull in ICU's
// UErrorCode, which then clashes with Foundation's copy in a clean debug build
// ("'UErrorCode' has different definitions in different modules"). We use no ICU API.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
