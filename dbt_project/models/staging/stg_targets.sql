with

source as (

    select * from {{ source('validated', 'targets') }}

),

renamed as (

    select
        customer_ref,
        country_code,
        locality,
        segment as target_segment,
        priority as target_priority

    from source

)

select * from renamed
