import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class RentalIdParamsDto extends createZodDto(z.strictObject({ rentalId: z.uuid() })) {}
