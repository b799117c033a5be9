-- Activities name the documents they require as the family file names the documents a family
-- sends (one list of document types), so that the two can be compared.
update activity
set required_documents = replace(replace(required_documents, 'ATTESTATION_QF', 'QUOTIENT_FAMILIAL'),
                                 'JUSTIFICATIF_DOMICILE', 'DOMICILE')
where required_documents like '%ATTESTATION_QF%' or required_documents like '%JUSTIFICATIF_DOMICILE%';
