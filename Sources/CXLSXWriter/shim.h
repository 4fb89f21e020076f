#ifndef TENDER_CXLSXWRITER_SHIM_H
#define TENDER_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
