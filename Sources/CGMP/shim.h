#ifndef TENDER_CGMP_SHIM_H
#define TENDER_CGMP_SHIM_H
#include <gmp.h>

/* GMP's function-like macros are not imported by Swift: wrap the ones we use. */
static inline mpz_ptr cgmp_q_num(mpq_ptr q) { return mpq_numref(q); }
static inline mpz_ptr cgmp_q_den(mpq_ptr q) { return mpq_denref(q); }
static inline mpz_srcptr cgmp_q_num_const(mpq_srcptr q) { return mpq_numref(q); }
static inline mpz_srcptr cgmp_q_den_const(mpq_srcptr q) { return mpq_denref(q); }
static inline int cgmp_q_sgn(mpq_srcptr q) { return mpq_sgn(q); }
static inline int cgmp_z_sgn(mpz_srcptr z) { return mpz_sgn(z); }
static inline int cgmp_z_fits_slong(mpz_srcptr z) { return mpz_fits_slong_p(z); }
static inline int cgmp_z_fits_ulong(mpz_srcptr z) { return mpz_fits_ulong_p(z); }
static inline int cgmp_z_cmpabs(mpz_srcptr a, mpz_srcptr b) { return mpz_cmpabs(a, b); }
static inline int cgmp_z_cmp_ui(mpz_srcptr a, unsigned long b) { return mpz_cmp_ui(a, b); }
static inline int cgmp_z_cmp_si(mpz_srcptr a, long b) { return mpz_cmp_si(a, b); }
static inline int cgmp_q_cmp_ui(mpq_srcptr a, unsigned long n, unsigned long d) { return mpq_cmp_ui(a, n, d); }
#endif
