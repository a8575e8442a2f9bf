// cmark-gfm, the CommonMark reference parser with GitHub's extensions (Debian: libcmark-gfm-dev,
// libcmark-gfm-extensions-dev). The core extensions (the pipe table) live in the second library.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
