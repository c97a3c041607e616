#include "typecode.h"
